package org.abilayout.abitests.render;

import java.util.stream.Collectors;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.RecordRef;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;

/**
 * Writes the declarations of a spec model as text in one {@link Dialect}: the spec language, or C
 * for clang or GCC. One writer for all three, so the text the parser reads and the C the compilers
 * read cannot drift apart.
 */
public final class DeclarationWriter {
    private final Dialect dialect;

    public DeclarationWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The whole spec: prelude, then every declaration in order. */
    public String write(Spec spec) {
        StringBuilder out = new StringBuilder(dialect.prelude(spec.packageName()));
        for (Decl d : spec.decls()) out.append(write(d));
        return out.toString();
    }

    /** One top-level declaration, ending in a newline. */
    public String write(Decl d) {
        return switch (d) {
            case RecordDecl r -> dialect.recordPrefix(r.packed(), r.align()) + r.kind().keyword()
                    + dialect.recordAttributes(r.packed(), r.align()) + " " + r.name() + " " + body(r, "") + ";\n";
            case EnumDecl e -> enumDecl(e);
            case TypedefDecl t -> "typedef " + declarator(t.type(), t.name(), "") + ";\n";
            default -> throw new IllegalArgumentException("cannot write " + d);
        };
    }

    private String enumDecl(EnumDecl e) {
        String values = e.values().stream().map(v -> v.name() + " = " + v.value()).collect(Collectors.joining(", "));
        if (dialect == Dialect.GCC && e.underlying().isPresent()) {
            return "enum " + e.name() + " { " + values + " };\ntypedef " + e.underlying().get().spelling() + " "
                    + dialect.enumTypeName(e) + ";\n";
        }
        String base = e.underlying().map(s -> " : " + s.spelling()).orElse("");
        return "enum " + e.name() + base + " { " + values + " };\n";
    }

    private String body(RecordDecl r, String indent) {
        StringBuilder b = new StringBuilder("{\n");
        for (Member m : r.members()) b.append(indent).append("    ").append(member(m, indent + "    ")).append('\n');
        return b.append(indent).append('}').toString();
    }

    private String member(Member m, String indent) {
        if (m.isAnonymous()) {
            RecordDecl r = ((CType.RecordType) m.type()).decl();
            return dialect.recordPrefix(r.packed(), r.align()) + dialect.anonymousMemberAlign(m.align()) + r.kind().keyword()
                    + dialect.recordAttributes(r.packed(), r.align()) + " " + body(r, indent) + ";";
        }
        // the spec language wants every annotation first, before qualifiers: `@packed volatile struct { ... } x;`
        CType base = m.type();
        while (base instanceof CType.ArrayType a) base = a.element();
        String inlinePrefix = base.unqualified() instanceof CType.RecordType r && r.ref().isAnonymous()
                ? dialect.recordPrefix(r.decl().packed(), r.decl().align()) : "";
        return inlinePrefix + dialect.memberPrefix(m.align()) + declarator(m.type(), m.name(), indent)
                + dialect.memberSuffix(m.align()) + ";";
    }

    /**
     * A declaration by the product's one declarator writer, with this dialect's names: its enum
     * spelling, and anonymous records written out in place.
     */
    String declarator(CType type, String name, String indent) {
        return DeclaratorWriter.declaration(type, name, new Spelling() {
            @Override
            public String enumType(CType.EnumType e) {
                return dialect.enumTypeName(e.definition());
            }

            @Override
            public String record(RecordRef ref) {
                if (!ref.isAnonymous()) return ref.toString();
                RecordDecl r = ref.definition().orElseThrow();
                return r.kind().keyword() + dialect.recordAttributes(r.packed(), r.align()) + " " + body(r, indent);
            }
        }).toString();
    }
}
