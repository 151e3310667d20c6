package org.abilayout.spec.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.source.Suggest;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.Declarator;

/**
 * Stage 1 of the resolver: every tag (struct, union, enum) and every ordinary name (typedef,
 * constant, enumerator) of the file, declared before anything is built, so types may be used
 * before their declaration as the spec language allows. Duplicates are reported here and only
 * here. The result is immutable.
 *
 * @param tags tag → its definition, in source order
 * @param ordinary ordinary name → what declares it, in source order
 * @param defsOf the struct/union/enum definitions inside each top-level declaration, inner ones first
 * @param recordDefs each struct or union body's definition
 */
record NameTable(Map<String, Tag> tags, Map<String, Ordinary> ordinary, Map<Syntax.TopLevel, List<Def>> defsOf,
        Map<Syntax.RecordNode, Def> recordDefs) {

    /** A struct, union or enum tag. */
    sealed interface Tag permits RecordTag, EnumTag {
        SourcePos pos();
    }

    record RecordTag(Syntax.RecordNode node) implements Tag {
        public SourcePos pos() {
            return node.namePos();
        }
    }

    record EnumTag(Syntax.EnumNode node) implements Tag {
        public SourcePos pos() {
            return node.namePos();
        }
    }

    /** An ordinary name: typedef, constant or enumerator. */
    sealed interface Ordinary permits TypedefName, ConstName, EnumeratorName {
        SourcePos pos();
    }

    record TypedefName(Syntax.TypedefNode node, Declarator declarator, SourcePos pos) implements Ordinary {}

    record ConstName(Syntax.ConstNode node, SourcePos pos) implements Ordinary {}

    record EnumeratorName(Syntax.EnumNode owner, SourcePos pos) implements Ordinary {}

    /** Where a list of annotations stands; decides which annotations are allowed. */
    enum Where { RECORD, ENUM, FORWARD, TYPEDEF, TYPEDEF_INLINE, MEMBER, MEMBER_INLINE, CONST }

    /** A struct/union/enum definition and the declaration it was written in. */
    record Def(Syntax.TypeSpec spec, Optional<String> doc, List<Syntax.Annotation> annotations, Where where) {}

    NameTable {
        tags = Collections.unmodifiableMap(tags);
        ordinary = Collections.unmodifiableMap(ordinary);
        defsOf = Collections.unmodifiableMap(defsOf);
        recordDefs = Collections.unmodifiableMap(recordDefs);
    }

    /** The definition of a tag if it is a struct or union defined by exactly this node. */
    boolean definesRecord(Syntax.RecordNode node) {
        return node.tag().isPresent() && tags.get(node.tag().get()) instanceof RecordTag rt && rt.node() == node;
    }

    boolean isConstantName(String name) {
        Ordinary o = ordinary.get(name);
        return o instanceof ConstName || o instanceof EnumeratorName;
    }

    /** The typedef declaring {@code name}, if it is a typedef name. */
    Optional<TypedefName> typedef(String name) {
        return ordinary.get(name) instanceof TypedefName tn ? Optional.of(tn) : Optional.empty();
    }

    /** The message for a name used as a type that is not one, with the closest names as a hint. */
    String unknownTypeMessage(String name) {
        Ordinary o = ordinary.get(name);
        if (o != null) return q(name) + " is a constant, not a type";
        List<String> candidates = new ArrayList<>();
        for (Scalar s : Scalar.values()) {
            if (s.isTypedefName()) candidates.add(s.spelling());
        }
        candidates.addAll(List.of("char", "short", "int", "long", "float", "double", "signed", "unsigned", "bool", "void"));
        for (var e : ordinary.entrySet()) if (e.getValue() instanceof TypedefName) candidates.add(e.getKey());
        String hint = Suggest.didYouMean(name, candidates);
        if (hint.isEmpty() && tags.containsKey(name)) {
            hint = "; did you mean '" + (tags.get(name) instanceof EnumTag ? "enum " : "struct ") + Names.shorten(name) + "'?";
        }
        return "unknown type name " + q(name) + hint;
    }

    /** Declares every name of {@code file}, reporting duplicates. */
    static NameTable declare(Syntax.File file, Reporter reporter) {
        return new Declarer(reporter).run(file);
    }

    /** The name a declarator declares, if any. */
    static Optional<Syntax.Ident> identOf(Declarator d) {
        Declarator x = d;
        while (true) {
            switch (x) {
                case Syntax.Ident i -> {
                    return Optional.of(i);
                }
                case Syntax.Abstract a -> {
                    return Optional.empty();
                }
                case Syntax.Pointer p -> x = p.inner();
                case Syntax.Array a -> x = a.inner();
                case Syntax.Function f -> x = f.inner();
            }
        }
    }

    /** Whether a declarator derives a pointer (so the base type is not used by value). */
    static boolean hasPointer(Declarator d) {
        Declarator x = d;
        while (true) {
            switch (x) {
                case Syntax.Pointer p -> {
                    return true;
                }
                case Syntax.Array a -> x = a.inner();
                case Syntax.Function f -> x = f.inner();
                default -> {
                    return false;
                }
            }
        }
    }

    static boolean isInlineRecord(Syntax.DeclSpecs specs) {
        return specs.type() instanceof Syntax.RecordDef;
    }

    private static String q(String name) {
        return "'" + Names.shorten(name) + "'";
    }

    /** The mutable work of stage 1; its result is the immutable table. */
    private static final class Declarer {
        private final Reporter reporter;
        private final Map<String, Tag> tags = new LinkedHashMap<>();
        private final Map<String, Ordinary> ordinary = new LinkedHashMap<>();
        private final Map<Syntax.TopLevel, List<Def>> defsOf = new IdentityHashMap<>();
        private final Map<Syntax.RecordNode, Def> recordDefs = new IdentityHashMap<>();

        Declarer(Reporter reporter) {
            this.reporter = reporter;
        }

        NameTable run(Syntax.File file) {
            for (Syntax.TopLevel top : file.decls()) {
                List<Def> defs = new ArrayList<>();
                switch (top) {
                    case Syntax.TypeDecl t -> collectDefs(t.specs().type(), t.doc(), t.annotations(),
                            t.specs().type() instanceof Syntax.RecordDef ? Where.RECORD
                                    : t.specs().type() instanceof Syntax.EnumDef ? Where.ENUM : Where.FORWARD, defs);
                    case Syntax.TypedefNode t -> collectDefs(t.specs().type(), t.doc(), t.annotations(),
                            t.specs().type() instanceof Syntax.RecordDef ? Where.TYPEDEF_INLINE : Where.TYPEDEF, defs);
                    case Syntax.ConstNode c -> collectDefs(c.specs().type(), c.doc(), c.annotations(), Where.CONST, defs);
                }
                defsOf.put(top, List.copyOf(defs));
                for (Def d : defs) declareDef(d);
                switch (top) {
                    case Syntax.TypedefNode t -> {
                        for (Declarator d : t.declarators()) {
                            identOf(d).ifPresent(id -> declareOrdinary(id.name(), new TypedefName(t, d, id.pos()), "type"));
                        }
                    }
                    case Syntax.ConstNode c -> identOf(c.declarator()).ifPresent(
                            id -> declareOrdinary(id.name(), new ConstName(c, id.pos()), "constant"));
                    case Syntax.TypeDecl t -> { }
                }
            }
            // a typedef may reuse a tag only as the C idiom "typedef struct foo foo;"
            for (var e : ordinary.entrySet()) {
                Tag tag = tags.get(e.getKey());
                if (tag == null) continue;
                if (e.getValue() instanceof TypedefName tn && namesTag(tn, e.getKey())) continue;
                reporter.error(e.getValue().pos(), q(e.getKey()) + " is already the tag declared on line " + tag.pos().line()
                        + "; only 'typedef struct " + Names.shorten(e.getKey()) + " " + Names.shorten(e.getKey())
                        + ";' may reuse a tag name");
            }
            return new NameTable(tags, ordinary, defsOf, recordDefs);
        }

        private static boolean namesTag(TypedefName tn, String tag) {
            if (!(tn.declarator() instanceof Syntax.Ident)) return false;
            return switch (tn.node().specs().type()) {
                case Syntax.RecordRef r -> r.tag().equals(tag);
                case Syntax.EnumRef r -> r.tag().equals(tag);
                case Syntax.RecordDef r -> r.node().tag().equals(Optional.of(tag));
                case Syntax.EnumDef r -> r.node().tag().equals(Optional.of(tag));
                default -> false;
            };
        }

        private void collectDefs(Syntax.TypeSpec spec, Optional<String> doc, List<Syntax.Annotation> annotations,
                Where where, List<Def> out) {
            switch (spec) {
                case Syntax.RecordDef rd -> {
                    for (Syntax.MemberNode m : rd.node().members()) {
                        collectDefs(m.specs().type(), Optional.empty(), m.annotations(),
                                isInlineRecord(m.specs()) ? Where.MEMBER_INLINE : Where.MEMBER, out);
                    }
                    out.add(new Def(spec, doc, annotations, where));
                }
                case Syntax.EnumDef ed -> out.add(new Def(spec, doc, annotations, where));
                case Syntax.AtomicOf a -> collectDefs(a.inner().type(), doc, annotations, where, out);
                default -> { }
            }
        }

        private void declareDef(Def d) {
            switch (d.spec()) {
                case Syntax.RecordDef rd -> {
                    recordDefs.put(rd.node(), d);
                    rd.node().tag().ifPresent(tag -> declareTag(tag, new RecordTag(rd.node()), rd.node().kind().keyword()));
                }
                case Syntax.EnumDef ed -> {
                    ed.node().tag().ifPresent(tag -> declareTag(tag, new EnumTag(ed.node()), "enum"));
                    for (Syntax.EnumeratorNode en : ed.node().enumerators()) {
                        declareOrdinary(en.name(), new EnumeratorName(ed.node(), en.pos()), "enumerator");
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        private void declareTag(String tag, Tag t, String keyword) {
            Tag first = tags.get(tag);
            if (first != null) {
                reporter.error(t.pos(), "duplicate definition of " + keyword + " " + q(tag) + " (first defined on line "
                        + first.pos().line() + ")");
                return;
            }
            tags.put(tag, t);
        }

        private void declareOrdinary(String name, Ordinary o, String what) {
            if (Scalar.byTypedefName(name).isPresent()) {
                reporter.error(o.pos(), q(name) + " is a standard type name and cannot be redefined");
                return;
            }
            Ordinary first = ordinary.get(name);
            if (first != null) {
                reporter.error(o.pos(), "duplicate " + what + " name " + q(name) + " (first defined on line "
                        + first.pos().line() + ")");
                return;
            }
            ordinary.put(name, o);
        }
    }
}
