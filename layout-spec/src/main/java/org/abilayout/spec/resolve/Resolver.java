package org.abilayout.spec.resolve;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.traits.RecordTraits;
import org.abilayout.spec.traits.TraitResolver;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Expr;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.DeclSpecs;
import org.abilayout.spec.syntax.Syntax.Declarator;

/**
 * Syntax tree → {@link Spec}: binds every name, evaluates every constant, checks every
 * annotation, and guarantees the layout engine an acyclic model whose by-value nesting is at most
 * {@value #MAX_NESTING} levels deep.
 *
 * <p>It runs in stages, each over the whole file:
 * <ol>
 *   <li>declare every tag (struct/union/enum) and every ordinary name (typedef, constant,
 *       enumerator), so types may be used before their declaration, as the spec language allows;
 *   <li>evaluate constants and enumerators in source order: a constant may only use constants
 *       defined before it (as in C), which rules out cycles among them;
 *   <li>order structs and typedefs by by-value containment with an iterative depth-first search,
 *       reporting cycles such as {@code a -> b -> a};
 *   <li>build the immutable model bottom-up in that order (array sizes and annotation arguments
 *       may use any constant of the file);
 *   <li>list the declarations in source order.
 * </ol>
 *
 * <p>Where C and the model differ, the choices are: a tagged struct defined inside another
 * declaration ({@code struct tag { ... } m;}) is also a top-level declaration, listed just before
 * the declaration that contains it; {@code typedef struct { ... } T;} keeps its record anonymous
 * (it is laid out through the typedef wherever it is used, and C has no {@code struct T}); the
 * enumerators of an anonymous top-level {@code enum { ... };} become {@link ConstDecl}s.
 */
public final class Resolver {
    /** By-value nesting levels (structs, unions, arrays, typedefs) the model may have. */
    public static final int MAX_NESTING = 256;

    /** Every annotation the language knows; the versioning ones are kept raw for a later stage. */
    public static final List<String> KNOWN_ANNOTATIONS = List.of("align", "packed", "version", "since", "reserved",
            "if", "offset", "size", "pad_to", "version_field", "extensible", "accept");

    private static final long MAX_ALIGN = 1L << 28;

    private final Reporter reporter;
    private final Syntax.File file;

    // --- stage 1: names ----------------------------------------------------------------------------

    private sealed interface Tag permits RecordTag, EnumTag {
        SourcePos pos();
    }

    private record RecordTag(Syntax.RecordNode node) implements Tag {
        public SourcePos pos() {
            return node.namePos();
        }
    }

    private record EnumTag(Syntax.EnumNode node) implements Tag {
        public SourcePos pos() {
            return node.namePos();
        }
    }

    private sealed interface Ordinary permits TypedefName, ConstName, EnumeratorName {
        SourcePos pos();
    }

    private record TypedefName(Syntax.TypedefNode node, Declarator declarator, SourcePos pos) implements Ordinary {}

    private record ConstName(Syntax.ConstNode node, SourcePos pos) implements Ordinary {}

    private record EnumeratorName(Syntax.EnumNode owner, SourcePos pos) implements Ordinary {}

    /** Where a list of annotations stands; decides which annotations are allowed. */
    private enum Where { RECORD, ENUM, FORWARD, TYPEDEF, TYPEDEF_INLINE, MEMBER, MEMBER_INLINE, CONST }

    /** A struct/union/enum definition and the declaration it was written in. */
    private record Def(Syntax.TypeSpec spec, Optional<String> doc, List<Syntax.Annotation> annotations, Where where) {}

    private final Map<String, Tag> tags = new LinkedHashMap<>();
    private final Map<String, Ordinary> ordinary = new LinkedHashMap<>();
    /** The definitions inside each top-level declaration, inner ones first. */
    private final Map<Syntax.TopLevel, List<Def>> defsOf = new IdentityHashMap<>();
    private final Map<Syntax.RecordNode, Def> recordDefs = new IdentityHashMap<>();
    private final Map<Syntax.EnumNode, Def> enumDefs = new IdentityHashMap<>();

    // --- stage 2: values ---------------------------------------------------------------------------

    private final Map<String, BigInteger> values = new LinkedHashMap<>();
    private final Set<String> failedValues = new HashSet<>();
    private record EnumValues(Optional<Scalar> underlying, List<BigInteger> values) {}
    private final Map<Syntax.EnumNode, EnumValues> enumValues = new IdentityHashMap<>();
    private record ConstValue(Scalar type, BigInteger value) {}
    private final Map<Syntax.ConstNode, ConstValue> constValues = new IdentityHashMap<>();

    // --- stage 3 and 4: types ----------------------------------------------------------------------

    private sealed interface Entity permits RecordEntity, TypedefEntity {
        String display();
    }

    private record RecordEntity(Syntax.RecordNode node, String display) implements Entity {}

    private record TypedefEntity(Syntax.TypedefNode node, Declarator declarator, String display, SourcePos pos)
            implements Entity {}

    private record Edge(Entity target, SourcePos pos) {}

    private final Map<String, RecordEntity> recordEntities = new LinkedHashMap<>();
    private final Map<String, TypedefEntity> typedefEntities = new LinkedHashMap<>();

    private final Map<String, RecordDecl> records = new LinkedHashMap<>();
    private final Map<String, EnumDecl> enums = new LinkedHashMap<>();
    private final Map<String, TypedefDecl> typedefs = new LinkedHashMap<>();
    /** Typedefs of undefined structs: name → "struct tag". */
    private final Map<String, String> incompleteTypedefs = new LinkedHashMap<>();
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    private final Set<RecordDecl> flexible = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<RecordDecl> incomplete = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Syntax.TypedefNode, Term> typedefBases = new IdentityHashMap<>();
    private final Map<List<Syntax.Annotation>, Checked> checkedAnnotations = new IdentityHashMap<>();
    /** Gives the versioning annotations their meaning (kept raw in {@link Checked}). */
    private final TraitResolver traits;
    private final Set<Integer> reportedDuplicates = new HashSet<>();

    private Resolver(Syntax.File file, Reporter reporter) {
        this.file = file;
        this.reporter = reporter;
        this.traits = new TraitResolver(reporter);
    }

    /** Resolves a parsed file; errors go to {@code reporter} (the result is only valid without errors). */
    public static Spec resolve(Syntax.File file, Reporter reporter) {
        return new Resolver(file, reporter).run();
    }

    private Spec run() {
        declareNames();
        evaluateConstants();
        List<Entity> order = orderTypes();
        buildEnums();
        for (Entity e : order) {
            switch (e) {
                case RecordEntity r -> buildNamedRecord(r);
                case TypedefEntity t -> buildTypedef(t);
            }
        }
        return new Spec(file.packageName(), reporter.source(), assemble());
    }

    /** A reported error: abandon the member or declaration being built. */
    private static final class Bad extends Exception {
        Bad() {
            super(null, null, false, false);
        }
    }

    private Bad bad(SourcePos pos, String message) {
        reporter.error(pos, message);
        return new Bad();
    }

    private static String q(String name) {
        return "'" + Names.shorten(name) + "'";
    }

    // ==== stage 1: declare names ====================================================================

    private void declareNames() {
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
            defsOf.put(top, defs);
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

    private static boolean isInlineRecord(DeclSpecs specs) {
        return specs.type() instanceof Syntax.RecordDef;
    }

    private void declareDef(Def d) {
        switch (d.spec()) {
            case Syntax.RecordDef rd -> {
                recordDefs.put(rd.node(), d);
                rd.node().tag().ifPresent(tag -> {
                    if (declareTag(tag, new RecordTag(rd.node()), rd.node().kind().keyword())) {
                        recordEntities.put(tag, new RecordEntity(rd.node(), tag));
                    }
                });
            }
            case Syntax.EnumDef ed -> {
                enumDefs.put(ed.node(), d);
                ed.node().tag().ifPresent(tag -> declareTag(tag, new EnumTag(ed.node()), "enum"));
                for (Syntax.EnumeratorNode en : ed.node().enumerators()) {
                    declareOrdinary(en.name(), new EnumeratorName(ed.node(), en.pos()), "enumerator");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private boolean declareTag(String tag, Tag t, String keyword) {
        Tag first = tags.get(tag);
        if (first != null) {
            reporter.error(t.pos(), "duplicate definition of " + keyword + " " + q(tag) + " (first defined on line "
                    + first.pos().line() + ")");
            return false;
        }
        tags.put(tag, t);
        return true;
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

    private static Optional<Syntax.Ident> identOf(Declarator d) {
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

    private static boolean hasPointer(Declarator d) {
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

    // ==== stage 2: constants and enumerators, in source order =======================================

    private void evaluateConstants() {
        ConstEval inOrder = new ConstEval(reporter, this::valueInOrder);
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : defsOf.get(top)) {
                if (d.spec() instanceof Syntax.EnumDef ed) evaluateEnum(ed.node(), inOrder);
            }
            if (top instanceof Syntax.ConstNode c) evaluateConst(c, inOrder);
        }
    }

    private void evaluateEnum(Syntax.EnumNode node, ConstEval eval) {
        Optional<Scalar> underlying = Optional.empty();
        boolean typeOk = true;
        if (node.underlying().isPresent()) {
            underlying = integerScalar(node.underlying().get(), "an enum's underlying type");
            typeOk = underlying.isPresent();
        }
        Scalar storage = underlying.orElse(Scalar.INT);
        List<BigInteger> out = new ArrayList<>();
        Optional<BigInteger> next = Optional.of(BigInteger.ZERO);
        for (Syntax.EnumeratorNode en : node.enumerators()) {
            Optional<BigInteger> v = en.value().isPresent() ? eval.eval(en.value().get()) : next;
            if (v.isPresent() && typeOk && !Scalars.range(storage).contains(v.get())) {
                String msg = "enumerator " + q(en.name()) + " value " + Scalars.doesNotFit(v.get(), storage);
                if (underlying.isEmpty()) msg += "; give the enum a fixed underlying type, as in 'enum "
                        + node.tag().orElse("e") + " : int64_t { ... }'";
                reporter.error(en.value().map(Syntax::exprStart).orElse(en.pos()), msg);
                v = Optional.empty();
            }
            if (v.isEmpty()) {
                failedValues.add(en.name());
                next = Optional.empty();
                out.add(BigInteger.ZERO);
                continue;
            }
            if (ordinary.get(en.name()) instanceof EnumeratorName e && e.owner() == node) values.put(en.name(), v.get());
            out.add(v.get());
            next = Optional.of(v.get().add(BigInteger.ONE));
        }
        enumValues.put(node, new EnumValues(underlying, out));
    }

    private void evaluateConst(Syntax.ConstNode c, ConstEval eval) {
        Optional<Syntax.Ident> id = identOf(c.declarator());
        String name = id.map(Syntax.Ident::name).orElse("");
        if (!(c.declarator() instanceof Syntax.Ident)) {
            reporter.error(c.declarator().pos(), "a constant is a plain integer: 'const T NAME = value;'");
            failedValues.add(name);
            return;
        }
        if (!c.specs().quals().isConst()) {
            reporter.error(c.specs().pos(), "a constant must be declared 'const', as in 'const "
                    + "int " + Names.shorten(name) + " = ...;'");
        }
        Optional<Scalar> type = integerScalar(c.specs(), "a constant's type");
        Optional<BigInteger> v = eval.eval(c.value());
        if (type.isPresent() && v.isPresent() && !Scalars.range(type.get()).contains(v.get())) {
            reporter.error(Syntax.exprStart(c.value()), "value " + Scalars.doesNotFit(v.get(), type.get()));
            v = Optional.empty();
        }
        if (type.isEmpty() || v.isEmpty()) {
            failedValues.add(name);
            return;
        }
        if (ordinary.get(name) instanceof ConstName cn && cn.node() == c) values.put(name, v.get());
        constValues.put(c, new ConstValue(type.get(), v.get()));
    }

    /** Name lookup while constants are evaluated in order: later constants are not visible yet. */
    private Optional<BigInteger> valueInOrder(Expr.Name n) {
        BigInteger v = values.get(n.name());
        if (v != null) return Optional.of(v);
        if (failedValues.contains(n.name())) return Optional.empty();
        Ordinary o = ordinary.get(n.name());
        if (o instanceof ConstName || o instanceof EnumeratorName) {
            reporter.error(n.pos(), q(n.name()) + " is used before its definition on line " + o.pos().line()
                    + "; a constant may only use constants defined before it");
            return Optional.empty();
        }
        return unknownConstant(n, o);
    }

    /** Name lookup once every constant is known (array sizes, annotation arguments). */
    private Optional<BigInteger> valueAnywhere(Expr.Name n) {
        BigInteger v = values.get(n.name());
        if (v != null) return Optional.of(v);
        if (failedValues.contains(n.name())) return Optional.empty();
        return unknownConstant(n, ordinary.get(n.name()));
    }

    private Optional<BigInteger> unknownConstant(Expr.Name n, Ordinary o) {
        if (o instanceof TypedefName || Scalar.byTypedefName(n.name()).isPresent()) {
            reporter.error(n.pos(), q(n.name()) + " is a type, not a constant");
        } else {
            List<String> known = ordinary.entrySet().stream()
                    .filter(e -> !(e.getValue() instanceof TypedefName)).map(Map.Entry::getKey).toList();
            reporter.error(n.pos(), "unknown constant " + q(n.name()) + Suggest.didYouMean(n.name(), known));
        }
        return Optional.empty();
    }

    /**
     * The integer scalar named by declaration specifiers, looking through typedefs of scalars
     * (declared anywhere); empty after reporting if it is not one.
     */
    private Optional<Scalar> integerScalar(DeclSpecs specs, String what) {
        Syntax.TypeSpec t = specs.type();
        for (int hops = 0; hops <= ordinary.size() + 1; hops++) {
            switch (t) {
                case Syntax.Builtin b -> {
                    Optional<Scalar> s;
                    try {
                        s = Scalars.of(b.words());
                    } catch (Scalars.Invalid e) {
                        reporter.error(b.pos(), e.getMessage());
                        return Optional.empty();
                    }
                    if (s.isEmpty() || !s.get().isInteger()) {
                        reporter.error(b.pos(), what + " must be an integer type, not '" + String.join(" ", b.words()) + "'");
                        return Optional.empty();
                    }
                    return s;
                }
                case Syntax.Named n -> {
                    Optional<Scalar> s = Scalar.byTypedefName(n.name());
                    if (s.isPresent()) return s;
                    Ordinary o = ordinary.get(n.name());
                    if (o instanceof TypedefName tn) {
                        if (!(tn.declarator() instanceof Syntax.Ident)) {
                            reporter.error(n.pos(), what + " must be an integer type; " + q(n.name()) + " is not");
                            return Optional.empty();
                        }
                        t = tn.node().specs().type();
                        continue;
                    }
                    reporter.error(n.pos(), unknownTypeMessage(n.name(), o));
                    return Optional.empty();
                }
                default -> {
                    reporter.error(specs.type().pos(), what + " must be an integer type");
                    return Optional.empty();
                }
            }
        }
        return Optional.empty(); // a typedef cycle: reported when types are ordered
    }

    private String unknownTypeMessage(String name, Ordinary o) {
        if (o != null) return q(name) + " is a constant, not a type";
        List<String> candidates = new ArrayList<>(typedefEntities.keySet());
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

    // ==== stage 3: order types by by-value containment ===============================================

    private List<Entity> orderTypes() {
        for (var e : ordinary.entrySet()) {
            if (e.getValue() instanceof TypedefName tn) {
                typedefEntities.put(e.getKey(), new TypedefEntity(tn.node(), tn.declarator(), e.getKey(), tn.pos()));
            }
        }
        List<Entity> all = new ArrayList<>();
        Map<Entity, List<Edge>> edges = new IdentityHashMap<>();
        // entities in source order, so errors and the build follow the file
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : defsOf.get(top)) {
                if (d.spec() instanceof Syntax.RecordDef rd && rd.node().tag().isPresent()) {
                    RecordEntity re = recordEntities.get(rd.node().tag().get());
                    if (re != null && re.node() == rd.node()) all.add(re);
                }
            }
            if (top instanceof Syntax.TypedefNode t) {
                for (Declarator d : t.declarators()) {
                    identOf(d).map(id -> typedefEntities.get(id.name()))
                            .filter(te -> te.declarator() == d).ifPresent(all::add);
                }
            }
        }
        for (Entity e : all) {
            List<Edge> out = new ArrayList<>();
            switch (e) {
                case RecordEntity r -> membersDeps(r.node(), out);
                case TypedefEntity t -> deps(t.node().specs(), Optional.of(t.declarator()), out);
            }
            edges.put(e, out);
        }
        // iterative DFS: a chain of 100,000 structs must not overflow the stack
        Map<Entity, Integer> state = new IdentityHashMap<>(); // absent: new, 1: on the path, 2: done
        Set<Entity> broken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Entity> order = new ArrayList<>();
        for (Entity root : all) {
            if (state.containsKey(root)) continue;
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, edges.get(root), new int[1]));
            state.put(root, 1);
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                if (f.next()[0] < f.edges().size()) {
                    Edge edge = f.edges().get(f.next()[0]++);
                    Integer s = state.get(edge.target());
                    if (s == null) {
                        state.put(edge.target(), 1);
                        stack.push(new Frame(edge.target(), edges.get(edge.target()), new int[1]));
                    } else if (s == 1) {
                        reportCycle(stack, edge.target(), broken);
                    }
                } else {
                    stack.pop();
                    state.put(f.entity(), 2);
                    order.add(f.entity());
                }
            }
        }
        order.removeIf(broken::contains);
        return order;
    }

    /** A step of the depth-first search: an entity and the index of its next edge. */
    private record Frame(Entity entity, List<Edge> edges, int[] next) {}

    private void reportCycle(Deque<Frame> stack, Entity start, Set<Entity> broken) {
        // the stack holds the path, top first; the cycle runs from `start` up to the top
        List<Frame> path = new ArrayList<>(stack);
        Collections.reverse(path);
        List<String> names = new ArrayList<>();
        SourcePos pos = null;
        boolean inCycle = false;
        boolean alreadyBroken = true;
        for (Frame f : path) {
            if (f.entity() == start) inCycle = true;
            if (!inCycle) continue;
            names.add(Names.shorten(f.entity().display()));
            if (broken.add(f.entity())) alreadyBroken = false;
            // reported at the first by-value use on the cycle: the member of `start` that begins it
            if (pos == null) pos = f.edges().get(f.next()[0] - 1).pos();
        }
        names.add(Names.shorten(start.display()));
        if (alreadyBroken) return;
        reporter.error(pos, "recursive containment by value: " + String.join(" -> ", names)
                + " (a type cannot contain itself; use a pointer)");
    }

    private void membersDeps(Syntax.RecordNode node, List<Edge> out) {
        for (Syntax.MemberNode m : node.members()) {
            if (m.declarators().isEmpty()) deps(m.specs(), Optional.empty(), out);
            for (Declarator d : m.declarators()) deps(m.specs(), Optional.of(d), out);
        }
    }

    /** By-value uses of other structs and typedefs: a pointer breaks containment. */
    private void deps(DeclSpecs specs, Optional<Declarator> d, List<Edge> out) {
        if (d.isPresent() && hasPointer(d.get())) return;
        switch (specs.type()) {
            case Syntax.RecordRef r -> {
                RecordEntity e = recordEntities.get(r.tag());
                if (e != null) out.add(new Edge(e, r.pos()));
            }
            case Syntax.Named n -> {
                TypedefEntity e = typedefEntities.get(n.name());
                if (e != null) out.add(new Edge(e, n.pos()));
            }
            case Syntax.RecordDef rd -> {
                if (rd.node().tag().isPresent()) {
                    RecordEntity e = recordEntities.get(rd.node().tag().get());
                    if (e != null) out.add(new Edge(e, rd.node().namePos()));
                } else {
                    membersDeps(rd.node(), out);
                }
            }
            case Syntax.AtomicOf a -> deps(a.inner(), Optional.of(a.declarator()), out);
            default -> { }
        }
    }

    // ==== stage 4: build the model ==================================================================

    /** The annotations of one declaration, converted and checked, with the typed values they set. */
    private record Checked(List<Annotation> all, boolean packed, OptionalLong align) {
        static final Checked NONE = new Checked(List.of(), false, OptionalLong.empty());

        List<Annotation> only(String... names) {
            Set<String> keep = Set.of(names);
            return all.stream().filter(a -> keep.contains(a.name())).toList();
        }
    }

    private Checked checked(List<Syntax.Annotation> list, Where where) {
        if (list.isEmpty()) return Checked.NONE;
        Checked cached = checkedAnnotations.get(list);
        if (cached != null) return cached;
        List<Annotation> out = new ArrayList<>();
        boolean packed = false;
        OptionalLong align = OptionalLong.empty();
        for (Syntax.Annotation a : list) {
            if (!KNOWN_ANNOTATIONS.contains(a.name())) {
                reporter.error(a.pos(), "unknown annotation '@" + Names.shorten(a.name()) + "'"
                        + Suggest.didYouMean(a.name(), KNOWN_ANNOTATIONS) + "; known annotations: @"
                        + String.join(", @", KNOWN_ANNOTATIONS));
                continue;
            }
            List<AnnotationArg> args = new ArrayList<>();
            for (Syntax.Arg arg : a.args()) convertArg(arg).ifPresent(args::add);
            out.add(new Annotation(a.name(), args, a.pos()));
            switch (a.name()) {
                case "align" -> {
                    if (!(where == Where.RECORD || where == Where.TYPEDEF_INLINE || where == Where.MEMBER
                            || where == Where.MEMBER_INLINE)) {
                        reporter.error(a.pos(), "@align applies to a struct, a union or a member");
                    } else if (a.args().size() != 1) {
                        reporter.error(a.pos(), "@align takes one power of two, as in @align(8)");
                    } else if (args.size() == 1 && args.getFirst() instanceof AnnotationArg.Int n) {
                        if (n.value() < 1 || n.value() > MAX_ALIGN || Long.bitCount(n.value()) != 1) {
                            reporter.error(n.pos(), "@align needs a power of two between 1 and " + MAX_ALIGN + ", not " + n.value());
                        } else if (align.isPresent()) {
                            reporter.error(a.pos(), "duplicate @align");
                        } else {
                            align = OptionalLong.of(n.value());
                        }
                    } else if (args.size() == 1) {
                        reporter.error(args.getFirst().pos(), "@align takes an integer constant, as in @align(8)");
                    }
                }
                case "packed" -> {
                    if (!(where == Where.RECORD || where == Where.TYPEDEF_INLINE || where == Where.MEMBER_INLINE)) {
                        reporter.error(a.pos(), "@packed applies to a struct or union definition");
                    } else if (!a.args().isEmpty()) {
                        reporter.error(a.pos(), "@packed takes no arguments");
                    } else {
                        packed = true;
                    }
                }
                case "if" -> {
                    boolean empty = a.args().isEmpty()
                            || a.args().getFirst() instanceof Syntax.TextArg t && t.text().isBlank();
                    if (empty) reporter.error(a.pos(), "@if needs a predicate, as in @if(lp64)");
                }
                default -> { } // versioning annotations: kept raw, checked by the versioning stage
            }
        }
        switch (where) {
            case ENUM -> traits.other(out, "an enum");
            case TYPEDEF -> traits.other(out, "a typedef");
            case CONST -> traits.other(out, "a constant");
            case FORWARD -> traits.other(out, "a declaration");
            default -> { } // records and members: TraitResolver reads them when the model is built
        }
        Checked c = new Checked(List.copyOf(out), packed, align);
        checkedAnnotations.put(list, c);
        return c;
    }

    private boolean isConstantName(String name) {
        Ordinary o = ordinary.get(name);
        return o instanceof ConstName || o instanceof EnumeratorName;
    }

    private Optional<AnnotationArg> convertArg(Syntax.Arg arg) {
        ConstEval eval = new ConstEval(reporter, this::valueAnywhere);
        return switch (arg) {
            case Syntax.ExprArg e when e.expr() instanceof Expr.Name n && !isConstantName(n.name()) ->
                    Optional.of(new AnnotationArg.Name(n.name(), n.pos()));
            case Syntax.ExprArg e -> eval.eval(e.expr()).map(v -> new AnnotationArg.Int(v.longValue(), e.pos()));
            case Syntax.DashedName d -> {
                // "N-1" is arithmetic when N is a constant; "x86_64-linux-gnu" is a name
                Optional<Expr> arithmetic = d.asExpr().filter(e -> firstName(e).filter(this::isConstantName).isPresent());
                if (arithmetic.isPresent()) {
                    yield eval.eval(arithmetic.get()).map(v -> new AnnotationArg.Int(v.longValue(), d.pos()));
                }
                yield Optional.of(new AnnotationArg.Name(d.text(), d.pos()));
            }
            case Syntax.KeyedArg k -> convertArg(k.value()).map(v -> new AnnotationArg.Keyed(k.key(), v, k.pos()));
            case Syntax.TextArg t -> Optional.of(new AnnotationArg.Text(t.text(), t.pos()));
            case Syntax.StringArg t -> Optional.of(new AnnotationArg.Str(t.value(), t.pos()));
        };
    }

    private static Optional<String> firstName(Expr e) {
        Expr cur = e;
        while (cur instanceof Expr.Binary b) cur = b.left();
        return cur instanceof Expr.Name n ? Optional.of(n.name()) : Optional.empty();
    }

    private static Qualifiers quals(Syntax.Quals q) {
        return new Qualifiers(q.isConst(), q.isVolatile(), q.isAtomic());
    }

    // --- enums and constants ------------------------------------------------------------------------

    private void buildEnums() {
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : defsOf.get(top)) {
                if (!(d.spec() instanceof Syntax.EnumDef ed) || ed.node().tag().isEmpty()) continue;
                String tag = ed.node().tag().get();
                if (!(tags.get(tag) instanceof EnumTag et) || et.node() != ed.node()) continue;
                Checked c = d.where() == Where.ENUM ? checked(d.annotations(), Where.ENUM) : Checked.NONE;
                EnumValues ev = enumValues.get(ed.node());
                List<EnumDecl.Enumerator> list = new ArrayList<>();
                for (int i = 0; i < ed.node().enumerators().size(); i++) {
                    Syntax.EnumeratorNode en = ed.node().enumerators().get(i);
                    list.add(new EnumDecl.Enumerator(en.name(), ev.values().get(i).longValue(), en.doc(), en.pos()));
                }
                enums.put(tag, new EnumDecl(tag, ev.underlying(), list, d.doc(), c.all(), ed.node().namePos()));
            }
        }
    }

    // --- types: terms ---------------------------------------------------------------------------------

    /**
     * A type being derived from a declarator, before it becomes a {@link CType}: it remembers
     * what the model drops (void, incomplete structs, functions, the qualifiers of pointees) to
     * spell pointee types and to report errors at the right place.
     */
    private sealed interface Term permits Base, Ptr, Arr, Fn {}

    /** @param type empty for void and for incomplete types (usable behind a pointer only) */
    private record Base(Optional<CType> type, String spelling, Qualifiers quals, Optional<SourcePos> atomicPos,
            SourcePos pos) implements Term {}

    private record Ptr(Term pointee, Qualifiers quals, Optional<SourcePos> atomicPos, SourcePos pos) implements Term {}

    private record Arr(Term element, OptionalLong length, SourcePos pos) implements Term {}

    private record Fn(Term result, String params, SourcePos pos) implements Term {}

    private record Derived(String name, SourcePos namePos, Term term) {}

    /** What a record defined in place inherits from the declaration around it. */
    private record Attach(Optional<String> doc, List<Annotation> annotations, boolean packed, OptionalLong align) {
        static final Attach NONE = new Attach(Optional.empty(), List.of(), false, OptionalLong.empty());
    }

    private Term baseTerm(DeclSpecs specs, boolean byValue, Attach inline) throws Bad {
        Qualifiers q = quals(specs.quals());
        Optional<SourcePos> ap = specs.quals().atomicPos();
        return switch (specs.type()) {
            case Syntax.Builtin b -> {
                Optional<Scalar> s;
                try {
                    s = Scalars.of(b.words());
                } catch (Scalars.Invalid e) {
                    throw bad(b.pos(), e.getMessage());
                }
                yield s.<Term>map(sc -> new Base(Optional.of(new CType.ScalarType(sc)), sc.spelling(), q, ap, b.pos()))
                        .orElse(new Base(Optional.empty(), "void", q, ap, b.pos()));
            }
            case Syntax.Named n -> {
                Optional<Scalar> s = Scalar.byTypedefName(n.name());
                if (s.isPresent()) yield new Base(Optional.of(new CType.ScalarType(s.get())), n.name(), q, ap, n.pos());
                Ordinary o = ordinary.get(n.name());
                if (!(o instanceof TypedefName)) throw bad(n.pos(), unknownTypeMessage(n.name(), o));
                TypedefDecl td = typedefs.get(n.name());
                if (td == null && byValue && incompleteTypedefs.containsKey(n.name())) {
                    throw bad(n.pos(), q(n.name()) + " is " + incompleteTypedefs.get(n.name()) + ", which is not defined in "
                            + "this spec (an undefined type can only be used behind a pointer)");
                }
                if (td == null && byValue) throw new Bad(); // the typedef itself failed, already reported
                yield new Base(Optional.ofNullable(td).map(CType.TypedefType::new), n.name(), q, ap, n.pos());
            }
            case Syntax.RecordRef r -> recordRef(r.kind(), r.tag(), r.pos(), byValue, q, ap);
            case Syntax.RecordDef rd -> {
                if (rd.node().tag().isPresent()) {
                    yield recordRef(rd.node().kind(), rd.node().tag().get(), rd.node().namePos(), byValue, q, ap);
                }
                if (!byValue) {
                    throw bad(rd.node().pos(), "an anonymous " + rd.node().kind().keyword()
                            + " cannot be pointed to; give it a tag");
                }
                RecordDecl inner = buildRecord(rd.node(), inline);
                yield new Base(Optional.of(new CType.RecordType(inner)), rd.node().kind().keyword(), q, ap, rd.node().pos());
            }
            case Syntax.EnumRef e -> enumRef(e.tag(), e.pos(), byValue, q, ap);
            case Syntax.EnumDef ed -> {
                if (ed.node().tag().isEmpty()) {
                    throw bad(ed.node().pos(), "an anonymous enum can only stand alone at top level; give it a tag");
                }
                yield enumRef(ed.node().tag().get(), ed.node().namePos(), byValue, q, ap);
            }
            case Syntax.AtomicOf a -> {
                Term inner = derive(baseTerm(a.inner(), byValue && !hasPointer(a.declarator()), inline),
                        a.declarator()).term();
                Qualifiers atomic = q.merge(new Qualifiers(false, false, true));
                yield switch (inner) {
                    case Base b -> new Base(b.type(), b.spelling(), b.quals().merge(atomic), Optional.of(a.pos()), b.pos());
                    case Ptr p -> new Ptr(p.pointee(), p.quals().merge(atomic), Optional.of(a.pos()), p.pos());
                    default -> throw bad(a.pos(), "_Atomic(...) of an array or function type is not allowed");
                };
            }
        };
    }

    private Term recordRef(RecordDecl.Kind kind, String tag, SourcePos pos, boolean byValue, Qualifiers q,
            Optional<SourcePos> ap) throws Bad {
        String spelled = kind.keyword() + " " + tag;
        Tag t = tags.get(tag);
        switch (t) {
            case RecordTag rt -> {
                if (rt.node().kind() != kind) {
                    throw bad(pos, q(tag) + " is a " + rt.node().kind().keyword() + ", not a " + kind.keyword()
                            + " (defined on line " + rt.pos().line() + ")");
                }
                RecordDecl r = records.get(tag);
                if (r == null && byValue) throw new Bad(); // its definition failed, already reported
                return new Base(Optional.ofNullable(r).map(CType.RecordType::new), spelled, q, ap, pos);
            }
            case EnumTag et -> throw bad(pos, q(tag) + " is an enum, not a " + kind.keyword()
                    + " (defined on line " + et.pos().line() + ")");
            case null -> {
                if (byValue) {
                    List<String> known = tags.entrySet().stream().filter(e -> e.getValue() instanceof RecordTag)
                            .map(Map.Entry::getKey).toList();
                    throw bad(pos, spelled + " is not defined in this spec" + Suggest.didYouMean(tag, known)
                            + " (an undefined type can only be used behind a pointer)");
                }
                return new Base(Optional.empty(), spelled, q, ap, pos);
            }
        }
    }

    private Term enumRef(String tag, SourcePos pos, boolean byValue, Qualifiers q, Optional<SourcePos> ap) throws Bad {
        String spelled = "enum " + tag;
        Tag t = tags.get(tag);
        switch (t) {
            case EnumTag et -> {
                EnumDecl e = enums.get(tag);
                if (e == null && byValue) throw new Bad();
                return new Base(Optional.ofNullable(e).map(CType.EnumType::new), spelled, q, ap, pos);
            }
            case RecordTag rt -> throw bad(pos, q(tag) + " is a " + rt.node().kind().keyword() + ", not an enum"
                    + " (defined on line " + rt.pos().line() + ")");
            case null -> {
                if (byValue) {
                    List<String> known = tags.entrySet().stream().filter(e -> e.getValue() instanceof EnumTag)
                            .map(Map.Entry::getKey).toList();
                    throw bad(pos, spelled + " is not defined in this spec" + Suggest.didYouMean(tag, known));
                }
                return new Base(Optional.empty(), spelled, q, ap, pos);
            }
        }
    }

    /** Applies a declarator's derivations to a base type, outermost first (see {@link Declarator}). */
    private Derived derive(Term base, Declarator d) throws Bad {
        Term cur = base;
        Declarator x = d;
        while (true) {
            switch (x) {
                case Syntax.Pointer p -> {
                    if (cur instanceof Base b && b.type().isPresent() && b.type().get() instanceof CType.RecordType rt
                            && rt.decl().isAnonymous()) {
                        throw bad(p.pos(), "an anonymous " + rt.decl().kind().keyword() + " cannot be pointed to; give it a tag");
                    }
                    cur = new Ptr(cur, quals(p.quals()), p.quals().atomicPos(), p.pos());
                    x = p.inner();
                }
                case Syntax.Array a -> {
                    cur = new Arr(cur, a.size().isPresent() ? OptionalLong.of(arraySize(a.size().get())) : OptionalLong.empty(),
                            a.pos());
                    x = a.inner();
                }
                case Syntax.Function f -> {
                    cur = new Fn(cur, params(f), f.pos());
                    x = f.inner();
                }
                case Syntax.Ident i -> {
                    return new Derived(i.name(), i.pos(), cur);
                }
                case Syntax.Abstract a -> {
                    return new Derived("", a.pos(), cur);
                }
            }
        }
    }

    private long arraySize(Expr e) throws Bad {
        Optional<BigInteger> v = new ConstEval(reporter, this::valueAnywhere).eval(e);
        if (v.isEmpty()) throw new Bad();
        BigInteger n = v.get();
        SourcePos p = Syntax.exprStart(e);
        if (n.signum() == 0) {
            throw bad(p, "array size must be positive, not 0; for a trailing variable-length array use a "
                    + "flexible array member 'T name[];'");
        }
        if (n.signum() < 0) throw bad(p, "array size must be positive, not " + n);
        if (n.bitLength() > 63) throw bad(p, "array size " + n + " is too large (it does not fit in 64 bits)");
        return n.longValueExact();
    }

    private String params(Syntax.Function f) throws Bad {
        List<String> out = new ArrayList<>();
        for (Syntax.Param p : f.params()) {
            Term t = derive(baseTerm(p.specs(), false, Attach.NONE), p.declarator()).term();
            out.add(spell(t, ""));
        }
        if (f.variadic()) out.add("...");
        return String.join(", ", out);
    }

    /** The C spelling of a type, with {@code decl} as the (abstract) declarator text around it. */
    private static String spell(Term t, String decl) {
        return switch (t) {
            case Base b -> b.quals().spelling() + b.spelling() + (decl.isEmpty() ? "" : " " + decl);
            case Ptr p -> {
                String qs = p.quals().spelling().strip();
                String inner = "*" + qs + (decl.isEmpty() ? "" : (qs.isEmpty() ? "" : " ") + decl);
                if (p.pointee() instanceof Arr || p.pointee() instanceof Fn) inner = "(" + inner + ")";
                yield spell(p.pointee(), inner);
            }
            case Arr a -> spell(a.element(), decl + "[" + (a.length().isPresent() ? a.length().getAsLong() : "") + "]");
            case Fn f -> spell(f.result(), decl + "(" + f.params() + ")");
        };
    }

    /** A derived type as the type of an object (member or typedef). */
    private record Obj(CType type, Qualifiers quals, Optional<SourcePos> atomicPos) {}

    private Obj object(Term t, boolean member) throws Bad {
        return switch (t) {
            case Base b -> {
                if (b.type().isEmpty()) {
                    if (b.spelling().equals("void")) {
                        throw bad(b.pos(), "'void' is not a data type" + (member ? " for a member" : "")
                                + "; did you mean 'void *'?");
                    }
                    throw new Bad(); // incomplete types are reported where they are looked up
                }
                yield new Obj(b.type().get(), b.quals(), b.atomicPos());
            }
            case Ptr p -> new Obj(new CType.PointerType(spell(p.pointee(), ""), p.pointee() instanceof Fn), p.quals(),
                    p.atomicPos());
            case Arr a -> {
                if (a.element() instanceof Arr inner && inner.length().isEmpty()) {
                    throw bad(inner.pos(), "only the first dimension of an array may be left empty");
                }
                if (a.element() instanceof Fn f) {
                    throw bad(f.pos(), "an array of functions is not a data type; did you mean an array of "
                            + "function pointers '(*name[N])(...)'?");
                }
                Obj el = object(a.element(), member);
                if (el.type().unwrap() instanceof CType.RecordType rt && flexible.contains(rt.decl())) {
                    throw bad(a.pos(), rt.decl().cName() + " ends in a flexible array member and cannot be an array element");
                }
                yield new Obj(new CType.ArrayType(el.type(), a.length()), el.quals(), el.atomicPos());
            }
            case Fn f -> throw bad(f.pos(), member
                    ? "a member cannot be a function; did you mean a function pointer '(*name)(...)'?"
                    : "a typedef of a function type is not supported; typedef a function pointer '(*name)(...)' instead");
        };
    }

    /** {@code _Atomic} on an object whose (element) type is a struct or union. */
    private void checkAtomic(Obj o) throws Bad {
        if (!o.quals().isAtomic()) return;
        CType t = o.type().unwrap();
        while (t instanceof CType.ArrayType a) t = a.element().unwrap();
        if (t instanceof CType.RecordType) {
            throw bad(o.atomicPos().orElse(SourcePos.NONE), "_Atomic is supported on scalars, enums and pointers");
        }
    }

    // --- records -------------------------------------------------------------------------------------

    private void buildNamedRecord(RecordEntity e) {
        Def def = recordDefs.get(e.node());
        Checked c = checked(def.annotations(), def.where());
        Attach attach = switch (def.where()) {
            case RECORD -> new Attach(def.doc(), c.all(), c.packed(), c.align());
            case TYPEDEF_INLINE -> new Attach(def.doc(), c.only("packed", "align"), c.packed(), c.align());
            case MEMBER_INLINE -> new Attach(Optional.empty(), c.only("packed"), c.packed(), OptionalLong.empty());
            default -> Attach.NONE;
        };
        RecordDecl r = buildRecord(e.node(), attach);
        // a struct with a failed member is not registered: its users then fail silently instead of
        // piling up follow-on errors
        if (!incomplete.contains(r) && withinDepth(r, r.pos(), r.cName())) records.put(e.display(), r);
    }

    private RecordDecl buildRecord(Syntax.RecordNode node, Attach attach) {
        boolean union = node.kind() == RecordDecl.Kind.UNION;
        List<Member> members = new ArrayList<>();
        boolean failed = false;
        for (Syntax.MemberNode mn : node.members()) {
            Checked c = checked(mn.annotations(), isInlineRecord(mn.specs()) ? Where.MEMBER_INLINE : Where.MEMBER);
            Attach inline = new Attach(Optional.empty(), c.only("packed"), c.packed(), OptionalLong.empty());
            try {
                if (mn.declarators().isEmpty()) {
                    Optional<Member> m = declaratorless(mn, c, inline);
                    m.ifPresent(members::add);
                    continue;
                }
                boolean anyByValue = mn.declarators().stream().anyMatch(d -> !hasPointer(d));
                Term base = baseTerm(mn.specs(), anyByValue, inline);
                for (Declarator d : mn.declarators()) {
                    try {
                        Derived dv = derive(base, d);
                        Obj o = object(dv.term(), true);
                        checkAtomic(o);
                        if (o.type().unwrap() instanceof CType.RecordType rt && flexible.contains(rt.decl())) {
                            throw bad(dv.namePos(), rt.decl().cName() + " ends in a flexible array member and cannot be "
                                    + "a member of another struct or union");
                        }
                        members.add(new Member(dv.name(), o.type(), o.quals(), c.align(), mn.doc(), c.all(),
                                traits.member(c.all()), dv.namePos()));
                    } catch (Bad b) {
                        failed = true;
                    }
                }
            } catch (Bad b) {
                failed = true;
            }
        }
        String what = node.tag().map(t -> node.kind().keyword() + " " + Names.shorten(t)).orElse("anonymous " + node.kind().keyword());
        if (members.isEmpty() && !failed && !node.recovered()) {
            reporter.error(node.namePos(), "an empty " + node.kind().keyword() + " has no portable layout: GCC gives it "
                    + "size 0, C++ size 1, MSVC rejects it (" + what + ")");
        }
        checkDuplicateMembers(members, new LinkedHashMap<>());
        boolean fam = false;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (!(m.type() instanceof CType.ArrayType a) || !a.isFlexible()) continue;
            if (union) {
                reporter.error(m.pos(), "a flexible array member is not allowed in a union");
            } else if (i != members.size() - 1) {
                reporter.error(m.pos(), "a flexible array member must be the last member of the struct");
            } else if (members.size() == 1) {
                reporter.error(m.pos(), "a flexible array member needs at least one other member before it");
            } else {
                fam = true;
            }
        }
        RecordTraits recordTraits = traits.record(attach.annotations());
        checkVersions(members, recordTraits, what);
        RecordDecl r = new RecordDecl(node.kind(), node.tag().orElse(""), members, attach.packed(), attach.align(),
                attach.doc(), attach.annotations(), recordTraits, node.namePos());
        if (fam) flexible.add(r);
        if (failed) incomplete.add(r);
        if (node.tag().isEmpty()) withinDepth(r, node.pos(), what);
        return r;
    }

    /**
     * The versioning rules a record's members must follow: no member newer than the record's
     * version, at most one version field, and that one an integer.
     */
    private void checkVersions(List<Member> members, RecordTraits recordTraits, String what) {
        Member versionField = null;
        for (Member m : members) {
            if (m.traits().since() > recordTraits.version()) {
                reporter.error(m.annotation("since").map(Annotation::pos).orElse(m.pos()), "member " + q(m.name())
                        + " is @since(" + m.traits().since() + ") but " + what + " is at version "
                        + recordTraits.version() + ": raise its @version(" + m.traits().since() + ")");
            }
            if (!m.traits().versionField()) continue;
            if (versionField != null) {
                reporter.error(m.annotation("version_field").map(Annotation::pos).orElse(m.pos()), "a second @version_field in "
                        + what + " (the first is " + q(versionField.name()) + " on line " + versionField.pos().line() + ")");
            }
            versionField = m;
            if (!(m.type().unwrap() instanceof CType.ScalarType st && st.scalar().isInteger()
                    && st.scalar() != org.abilayout.arch.Scalar.BOOL)) {
                reporter.error(m.pos(), "@version_field " + q(m.name()) + " must be an integer, such as uint32_t");
            }
        }
    }

    /** A member declaration without a declarator: an anonymous struct/union member, or nothing. */
    private Optional<Member> declaratorless(Syntax.MemberNode mn, Checked c, Attach inline) throws Bad {
        switch (mn.specs().type()) {
            case Syntax.RecordDef rd when rd.node().tag().isEmpty() -> {
                Term base = baseTerm(mn.specs(), true, inline);
                Obj o = object(base, true);
                checkAtomic(o);
                return Optional.of(new Member("", o.type(), o.quals(), c.align(), mn.doc(), c.all(), traits.member(c.all()),
                        rd.node().pos()));
            }
            case Syntax.RecordDef rd -> throw bad(mn.pos(), "declaration does not declare anything: a tagged "
                    + rd.node().kind().keyword() + " inside a struct only declares its tag; drop the tag for an "
                    + "anonymous member, or add a member name");
            case Syntax.EnumDef ed when ed.node().tag().isPresent() -> {
                return Optional.empty(); // declares the enum, as in C
            }
            default -> throw bad(mn.pos(), "declaration does not declare anything: a member needs a name");
        }
    }

    /** C11: the members of anonymous members are members of the parent, so their names clash too. */
    private void checkDuplicateMembers(List<Member> members, Map<String, SourcePos> seen) {
        for (Member m : members) {
            if (m.isAnonymous()) {
                if (m.type() instanceof CType.RecordType rt) checkDuplicateMembers(rt.decl().members(), seen);
                continue;
            }
            SourcePos first = seen.putIfAbsent(m.name(), m.pos());
            if (first != null && reportedDuplicates.add(m.pos().offset())) {
                reporter.error(m.pos(), "duplicate member " + q(m.name()) + " (first declared on line " + first.line() + ")");
            }
        }
    }

    /** Records the nesting depth of a built type; false (after reporting) when it exceeds the bound. */
    private boolean withinDepth(Object decl, SourcePos pos, String what) {
        int depth = switch (decl) {
            case RecordDecl r -> 1 + r.members().stream().mapToInt(m -> depth(m.type())).max().orElse(0);
            case TypedefDecl t -> 1 + depth(t.type());
            default -> throw new IllegalArgumentException();
        };
        if (depth > MAX_NESTING) {
            reporter.error(pos, what + " nests more than " + MAX_NESTING
                    + " levels of structs, unions, arrays and typedefs by value");
            depths.put(decl, 1);
            return false;
        }
        depths.put(decl, depth);
        return true;
    }

    private int depth(CType t) {
        int extra = 0;
        CType cur = t;
        while (cur instanceof CType.ArrayType a) {
            extra++;
            cur = a.element();
        }
        return extra + switch (cur) {
            case CType.RecordType r -> depths.getOrDefault(r.decl(), 1);
            case CType.TypedefType td -> depths.getOrDefault(td.decl(), 1);
            default -> 1;
        };
    }

    // --- typedefs ------------------------------------------------------------------------------------

    private void buildTypedef(TypedefEntity e) {
        Syntax.TypedefNode node = e.node();
        Optional<String> incomplete = undefinedTag(node.specs().type());
        if (incomplete.isPresent() && !hasPointer(e.declarator())) {
            // "typedef struct opaque opaque_t;" with no definition: legal C, usable behind a pointer.
            // The model has no incomplete type, so the typedef is left out of it; a by-value use is
            // reported where it happens.
            incompleteTypedefs.put(e.display(), incomplete.get());
            return;
        }
        boolean inline = isInlineRecord(node.specs());
        Checked c = checked(node.annotations(), inline ? Where.TYPEDEF_INLINE : Where.TYPEDEF);
        try {
            Term base = typedefBases.get(node);
            if (base == null) {
                boolean anyByValue = node.declarators().stream().anyMatch(d -> !hasPointer(d));
                base = baseTerm(node.specs(), anyByValue,
                        new Attach(node.doc(), c.only("packed", "align"), c.packed(), c.align()));
                typedefBases.put(node, base);
            }
            if (hasPointer(e.declarator()) && base instanceof Base b && b.type().orElse(null) instanceof CType.RecordType rt
                    && rt.decl().isAnonymous()) {
                // typedef struct { ... } T, *PT;  the anonymous struct has no tag, but T names it
                Optional<String> alias = node.declarators().stream().filter(d -> !hasPointer(d))
                        .flatMap(d -> identOf(d).stream()).map(Syntax.Ident::name).findFirst();
                if (alias.isPresent()) base = new Base(Optional.empty(), alias.get(), b.quals(), b.atomicPos(), b.pos());
            }
            Derived dv = derive(base, e.declarator());
            Obj o = object(dv.term(), false);
            checkAtomic(o);
            if (o.type() instanceof CType.ArrayType a && a.isFlexible()) {
                throw bad(e.declarator() instanceof Syntax.Array arr ? arr.pos() : dv.namePos(),
                        "a flexible array is only allowed as the last member of a struct, not in a typedef");
            }
            TypedefDecl td = new TypedefDecl(dv.name(), o.type(), o.quals(), node.doc(), c.all(), dv.namePos());
            if (withinDepth(td, dv.namePos(), "typedef " + Names.shorten(dv.name()))) typedefs.put(dv.name(), td);
        } catch (Bad b) {
            // reported; users of this typedef fail silently
        }
    }

    /** {@code struct tag} / {@code enum tag} naming a tag with no definition in the file. */
    private Optional<String> undefinedTag(Syntax.TypeSpec t) {
        return switch (t) {
            case Syntax.RecordRef r when !tags.containsKey(r.tag()) -> Optional.of(r.kind().keyword() + " " + r.tag());
            case Syntax.EnumRef r when !tags.containsKey(r.tag()) -> Optional.of("enum " + r.tag());
            default -> Optional.empty();
        };
    }

    // ==== stage 5: declarations in source order =====================================================

    private List<Decl> assemble() {
        List<Decl> out = new ArrayList<>();
        Set<Decl> added = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : defsOf.get(top)) {
                switch (d.spec()) {
                    case Syntax.RecordDef rd when rd.node().tag().isPresent() -> {
                        RecordEntity re = recordEntities.get(rd.node().tag().get());
                        RecordDecl r = records.get(rd.node().tag().get());
                        if (re != null && re.node() == rd.node() && r != null && added.add(r)) out.add(r);
                    }
                    case Syntax.EnumDef ed when ed.node().tag().isPresent() -> {
                        EnumDecl e = enums.get(ed.node().tag().get());
                        if (e != null && tags.get(e.name()) instanceof EnumTag et && et.node() == ed.node() && added.add(e)) {
                            out.add(e);
                        }
                    }
                    default -> { }
                }
            }
            switch (top) {
                case Syntax.TypeDecl t -> typeDecl(t, out);
                case Syntax.TypedefNode t -> {
                    for (Declarator d : t.declarators()) {
                        identOf(d).map(id -> typedefs.get(id.name())).filter(td -> td.pos().equals(identOf(d).get().pos()))
                                .ifPresent(out::add);
                    }
                }
                case Syntax.ConstNode c -> {
                    ConstValue v = constValues.get(c);
                    Checked ch = checked(c.annotations(), Where.CONST);
                    if (v != null) {
                        out.add(new ConstDecl(identOf(c.declarator()).orElseThrow().name(), v.type(), v.value().longValue(),
                                c.doc(), ch.all(), c.declarator().pos()));
                    }
                }
            }
        }
        return out;
    }

    private void typeDecl(Syntax.TypeDecl t, List<Decl> out) {
        switch (t.specs().type()) {
            case Syntax.RecordDef rd when rd.node().tag().isEmpty() -> reporter.error(rd.node().pos(),
                    "an anonymous " + rd.node().kind().keyword() + " at top level declares nothing; give it a tag");
            case Syntax.RecordDef rd -> { }
            case Syntax.EnumDef ed when ed.node().tag().isEmpty() -> {
                // enum { A = 1, B }; declares constants only
                Checked c = checked(t.annotations(), Where.ENUM);
                EnumValues ev = enumValues.get(ed.node());
                Scalar type = ev.underlying().orElse(Scalar.INT);
                for (int i = 0; i < ed.node().enumerators().size(); i++) {
                    Syntax.EnumeratorNode en = ed.node().enumerators().get(i);
                    if (failedValues.contains(en.name()) || !values.containsKey(en.name())) continue;
                    out.add(new ConstDecl(en.name(), type, ev.values().get(i).longValue(), en.doc(), c.all(), en.pos()));
                }
            }
            case Syntax.EnumDef ed -> { }
            case Syntax.RecordRef r -> {
                if (!t.annotations().isEmpty()) {
                    reporter.error(t.annotations().getFirst().pos(), "annotations belong on the definition of "
                            + r.kind().keyword() + " " + q(r.tag()) + ", not on a forward declaration");
                }
            }
            case Syntax.EnumRef r -> {
                if (!t.annotations().isEmpty()) {
                    reporter.error(t.annotations().getFirst().pos(), "annotations belong on the definition of enum " + q(r.tag()));
                }
            }
            default -> reporter.error(t.pos(), "declaration does not declare anything");
        }
    }
}
