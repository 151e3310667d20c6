package org.abilayout.spec.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.resolve.AnnotationChecker.Checked;
import org.abilayout.spec.resolve.NameTable.Def;
import org.abilayout.spec.resolve.NameTable.EnumTag;
import org.abilayout.spec.resolve.NameTable.Where;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.Declarator;

/**
 * Stage 5 of the resolver: the built declarations in source order, a tagged struct defined inside
 * another declaration listed just before that declaration; the enumerators of an anonymous
 * top-level {@code enum { ... };} become constants. Top-level declarations that declare nothing
 * are reported here.
 */
final class Assembly {
    private Assembly() {}

    static List<Decl> assemble(Syntax.File file, NameTable names, ConstantValues values, DeclBuilder.Built built,
            AnnotationChecker annotations, Reporter reporter) {
        List<Decl> out = new ArrayList<>();
        Set<Decl> added = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : names.defsOf().get(top)) {
                switch (d.spec()) {
                    case Syntax.RecordDef rd when names.definesRecord(rd.node()) -> {
                        RecordDecl r = built.records().get(rd.node().tag().get());
                        if (r != null && added.add(r)) out.add(r);
                    }
                    case Syntax.EnumDef ed when ed.node().tag().isPresent() -> {
                        EnumDecl e = built.enums().get(ed.node().tag().get());
                        if (e != null && names.tags().get(e.name()) instanceof EnumTag et && et.node() == ed.node()
                                && added.add(e)) {
                            out.add(e);
                        }
                    }
                    default -> { }
                }
            }
            switch (top) {
                case Syntax.TypeDecl t -> typeDecl(t, values, annotations, reporter, out);
                case Syntax.TypedefNode t -> {
                    for (Declarator d : t.declarators()) {
                        NameTable.identOf(d).map(id -> built.typedefs().get(id.name()))
                                .filter(td -> td.pos().equals(NameTable.identOf(d).get().pos())).ifPresent(out::add);
                    }
                }
                case Syntax.ConstNode c -> {
                    ConstantValues.ConstValue v = values.consts().get(c);
                    Checked ch = annotations.check(c.annotations(), Where.CONST);
                    if (v != null) {
                        out.add(new ConstDecl(NameTable.identOf(c.declarator()).orElseThrow().name(), v.type(),
                                v.value().longValue(), c.doc(), ch.all(), c.declarator().pos()));
                    }
                }
            }
        }
        return out;
    }

    private static void typeDecl(Syntax.TypeDecl t, ConstantValues values, AnnotationChecker annotations,
            Reporter reporter, List<Decl> out) {
        switch (t.specs().type()) {
            case Syntax.RecordDef rd when rd.node().tag().isEmpty() -> reporter.error(rd.node().pos(),
                    "an anonymous " + rd.node().kind().keyword() + " at top level declares nothing; give it a tag");
            case Syntax.RecordDef rd -> { }
            case Syntax.EnumDef ed when ed.node().tag().isEmpty() -> {
                // enum { A = 1, B }; declares constants only
                Checked c = annotations.check(t.annotations(), Where.ENUM);
                ConstantValues.EnumValues ev = values.enums().get(ed.node());
                Scalar type = ev.underlying().orElse(Scalar.INT);
                for (int i = 0; i < ed.node().enumerators().size(); i++) {
                    Syntax.EnumeratorNode en = ed.node().enumerators().get(i);
                    if (values.failed().contains(en.name()) || !values.values().containsKey(en.name())) continue;
                    out.add(new ConstDecl(en.name(), type, ev.values().get(i).longValue(), en.doc(), c.all(), en.pos()));
                }
            }
            case Syntax.EnumDef ed -> { }
            case Syntax.RecordRef r -> {
                if (!t.annotations().isEmpty()) {
                    reporter.error(t.annotations().getFirst().pos(), "annotations belong on the definition of "
                            + r.kind().keyword() + " '" + Names.shorten(r.tag()) + "', not on a forward declaration");
                }
            }
            case Syntax.EnumRef r -> {
                if (!t.annotations().isEmpty()) {
                    reporter.error(t.annotations().getFirst().pos(), "annotations belong on the definition of enum '"
                            + Names.shorten(r.tag()) + "'");
                }
            }
            default -> reporter.error(t.pos(), "declaration does not declare anything");
        }
    }
}
