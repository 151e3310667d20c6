package org.abilayout.spec.resolve;

import java.util.ArrayList;
import java.util.Collections;
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
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.resolve.AnnotationChecker.Checked;
import org.abilayout.spec.resolve.DeclaratorTypes.Attach;
import org.abilayout.spec.resolve.DeclaratorTypes.Bad;
import org.abilayout.spec.resolve.DeclaratorTypes.Derived;
import org.abilayout.spec.resolve.DeclaratorTypes.Term;
import org.abilayout.spec.resolve.NameTable.Def;
import org.abilayout.spec.resolve.NameTable.EnumTag;
import org.abilayout.spec.resolve.NameTable.Where;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.Declarator;
import org.abilayout.spec.traits.RecordTraits;
import org.abilayout.spec.traits.TraitResolver;

/**
 * Stage 4 of the resolver: builds the enums, then the structs, unions and typedefs in the
 * {@link TypeOrder} (what a type contains by value is built before it), and binds each name's
 * reference to its definition. The rules about members are checked here: duplicates (C11
 * lifts anonymous members' names), flexible array members, empty records, the versioning rules,
 * and the bound on by-value nesting that keeps every later recursion shallow.
 */
final class DeclBuilder {
    /** By-value nesting levels (structs, unions, arrays, typedefs) the model may have. */
    static final int MAX_NESTING = 256;

    private final NameTable names;
    private final ConstantValues values;
    private final AnnotationChecker annotations;
    private final TraitResolver traits;
    private final Reporter reporter;
    private final DeclaratorTypes types;

    private final Map<String, EnumDecl> enums = new LinkedHashMap<>();
    private final Map<String, RecordDecl> records = new LinkedHashMap<>();
    private final Map<String, TypedefDecl> typedefs = new LinkedHashMap<>();
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    private final Set<RecordDecl> flexible = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<RecordDecl> incomplete = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Syntax.TypedefNode, Term> typedefBases = new IdentityHashMap<>();
    private final Set<Integer> reportedDuplicates = new HashSet<>();

    /** What stage 4 hands on: every built declaration by name. */
    record Built(Map<String, RecordDecl> records, Map<String, EnumDecl> enums, Map<String, TypedefDecl> typedefs) {
        Built {
            records = Collections.unmodifiableMap(records);
            enums = Collections.unmodifiableMap(enums);
            typedefs = Collections.unmodifiableMap(typedefs);
        }
    }

    DeclBuilder(NameTable names, ConstantValues values, AnnotationChecker annotations, TraitResolver traits,
            Reporter reporter) {
        this.names = names;
        this.values = values;
        this.annotations = annotations;
        this.traits = traits;
        this.reporter = reporter;
        this.types = new DeclaratorTypes(names, values, enums, reporter);
        types.inlineRecords((node, attach) -> buildRecord(node, attach));
    }

    Built build(Syntax.File file, TypeOrder order) {
        buildEnums(file);
        for (TypeOrder.Entity e : order.order()) {
            switch (e) {
                case TypeOrder.RecordEntity r -> buildNamedRecord(r);
                case TypeOrder.TypedefEntity t -> buildTypedef(t);
            }
        }
        return new Built(records, enums, typedefs);
    }

    private static String q(String name) {
        return "'" + Names.shorten(name) + "'";
    }

    private Bad bad(SourcePos pos, String message) {
        reporter.error(pos, message);
        return new Bad();
    }

    // --- enums -----------------------------------------------------------------------------------------

    private void buildEnums(Syntax.File file) {
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : names.defsOf().get(top)) {
                if (!(d.spec() instanceof Syntax.EnumDef ed) || ed.node().tag().isEmpty()) continue;
                String tag = ed.node().tag().get();
                if (!(names.tags().get(tag) instanceof EnumTag et) || et.node() != ed.node()) continue;
                Checked c = d.where() == Where.ENUM ? annotations.check(d.annotations(), Where.ENUM) : Checked.NONE;
                ConstantValues.EnumValues ev = values.enums().get(ed.node());
                List<EnumDecl.Enumerator> list = new ArrayList<>();
                for (int i = 0; i < ed.node().enumerators().size(); i++) {
                    Syntax.EnumeratorNode en = ed.node().enumerators().get(i);
                    list.add(new EnumDecl.Enumerator(en.name(), ev.values().get(i).longValue(), en.doc(), en.pos()));
                }
                enums.put(tag, new EnumDecl(tag, ev.underlying(), list, d.doc(), c.all(), ed.node().namePos()));
            }
        }
    }

    // --- records ---------------------------------------------------------------------------------------

    private void buildNamedRecord(TypeOrder.RecordEntity e) {
        Def def = names.recordDefs().get(e.node());
        Checked c = annotations.check(def.annotations(), def.where());
        Attach attach = switch (def.where()) {
            case RECORD -> new Attach(def.doc(), c.all(), c.packed(), c.align());
            case TYPEDEF_INLINE -> new Attach(def.doc(), c.only("packed", "align"), c.packed(), c.align());
            case MEMBER_INLINE -> new Attach(Optional.empty(), c.only("packed"), c.packed(), OptionalLong.empty());
            default -> Attach.NONE;
        };
        RecordDecl r = buildRecord(e.node(), attach);
        // a struct with a failed member is not bound: its by-value users then fail silently
        // instead of piling up follow-on errors
        if (!incomplete.contains(r) && withinDepth(r, r.pos(), r.cName())) {
            records.put(e.display(), r);
            types.recordRef(e.display()).bind(r);
        }
    }

    private RecordDecl buildRecord(Syntax.RecordNode node, Attach attach) {
        boolean union = node.kind() == RecordDecl.Kind.UNION;
        List<Member> members = new ArrayList<>();
        boolean failed = false;
        for (Syntax.MemberNode mn : node.members()) {
            Checked c = annotations.check(mn.annotations(), NameTable.isInlineRecord(mn.specs()) ? Where.MEMBER_INLINE : Where.MEMBER);
            Attach inline = new Attach(Optional.empty(), c.only("packed"), c.packed(), OptionalLong.empty());
            try {
                if (mn.declarators().isEmpty()) {
                    declaratorless(mn, c, inline).ifPresent(members::add);
                    continue;
                }
                boolean anyByValue = mn.declarators().stream().anyMatch(d -> !NameTable.hasPointer(d));
                Term base = types.base(mn.specs(), anyByValue, inline);
                for (Declarator d : mn.declarators()) {
                    try {
                        Derived dv = types.derive(base, d);
                        CType type = types.object(dv.term(), true);
                        if (type.unwrap() instanceof CType.RecordType rt && isFlexible(rt)) {
                            throw bad(dv.namePos(), rt.decl().cName() + " ends in a flexible array member and cannot be "
                                    + "a member of another struct or union");
                        }
                        checkElements(type, d);
                        members.add(new Member(dv.name(), type, c.align(), mn.doc(), c.all(), traits.member(c.all()),
                                dv.namePos()));
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

    private boolean isFlexible(CType.RecordType rt) {
        return rt.ref().definition().filter(flexible::contains).isPresent();
    }

    /** An array whose elements are a struct that ends in a flexible array member. */
    private void checkElements(CType type, Declarator d) throws Bad {
        CType t = type.unwrap();
        if (!(t instanceof CType.ArrayType)) return;
        while (t instanceof CType.ArrayType a) t = a.element().unwrap();
        if (t instanceof CType.RecordType rt && isFlexible(rt)) {
            throw bad(arrayPos(d), rt.decl().cName() + " ends in a flexible array member and cannot be an array element");
        }
    }

    private static SourcePos arrayPos(Declarator d) {
        Declarator x = d;
        while (true) {
            switch (x) {
                case Syntax.Array a -> {
                    return a.pos();
                }
                case Syntax.Pointer p -> x = p.inner();
                case Syntax.Function f -> x = f.inner();
                default -> {
                    return d.pos();
                }
            }
        }
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
            if (!(m.type().unwrap() instanceof CType.ScalarType st && st.scalar().isInteger() && st.scalar() != Scalar.BOOL)) {
                reporter.error(m.pos(), "@version_field " + q(m.name()) + " must be an integer, such as uint32_t");
            }
        }
    }

    /** A member declaration without a declarator: an anonymous struct/union member, or nothing. */
    private Optional<Member> declaratorless(Syntax.MemberNode mn, Checked c, Attach inline) throws Bad {
        switch (mn.specs().type()) {
            case Syntax.RecordDef rd when rd.node().tag().isEmpty() -> {
                Term base = types.base(mn.specs(), true, inline);
                CType type = types.object(base, true);
                return Optional.of(new Member("", type, c.align(), mn.doc(), c.all(), traits.member(c.all()), rd.node().pos()));
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
                if (m.type().unqualified() instanceof CType.RecordType rt) checkDuplicateMembers(rt.decl().members(), seen);
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
        CType cur = t.unqualified();
        while (cur instanceof CType.ArrayType a) {
            extra++;
            cur = a.element().unqualified();
        }
        return extra + switch (cur) {
            case CType.RecordType r -> r.ref().definition().map(d -> depths.getOrDefault(d, 1)).orElse(1);
            case CType.TypedefType td -> td.ref().isBound() ? depths.getOrDefault(td.decl(), 1) : 1;
            default -> 1;
        };
    }

    // --- typedefs --------------------------------------------------------------------------------------

    private void buildTypedef(TypeOrder.TypedefEntity e) {
        Syntax.TypedefNode node = e.node();
        boolean inline = NameTable.isInlineRecord(node.specs());
        Checked c = annotations.check(node.annotations(), inline ? Where.TYPEDEF_INLINE : Where.TYPEDEF);
        try {
            Term base = typedefBases.get(node);
            if (base == null) {
                // `typedef struct opaque opaque_t;` may name an undefined struct; an array of it may not
                boolean undefined = namesUndefinedTag(node.specs().type());
                boolean anyByValue = node.declarators().stream()
                        .anyMatch(d -> !NameTable.hasPointer(d) && !(undefined && d instanceof Syntax.Ident));
                base = types.base(node.specs(), anyByValue,
                        new Attach(node.doc(), c.only("packed", "align"), c.packed(), c.align()));
                typedefBases.put(node, base);
            }
            if (NameTable.hasPointer(e.declarator()) && base instanceof DeclaratorTypes.Base b
                    && b.type() instanceof CType.RecordType rt && rt.ref().isAnonymous()) {
                // typedef struct { ... } T, *PT;  the anonymous struct has no tag, but T names it
                Optional<String> alias = node.declarators().stream().filter(d -> !NameTable.hasPointer(d))
                        .flatMap(d -> NameTable.identOf(d).stream()).map(Syntax.Ident::name).findFirst();
                if (alias.isPresent()) {
                    base = new DeclaratorTypes.Base(new CType.TypedefType(types.typedefRef(alias.get())), true, b.quals(),
                            b.atomicPos(), b.pos());
                }
            }
            Derived dv = types.derive(base, e.declarator());
            CType type = typedefObject(dv.term());
            if (type instanceof CType.ArrayType a && a.isFlexible()) {
                throw bad(e.declarator() instanceof Syntax.Array arr ? arr.pos() : dv.namePos(),
                        "a flexible array is only allowed as the last member of a struct, not in a typedef");
            }
            checkElements(type, e.declarator());
            TypedefDecl td = new TypedefDecl(dv.name(), type, node.doc(), c.all(), dv.namePos());
            if (withinDepth(td, dv.namePos(), "typedef " + Names.shorten(dv.name()))) {
                typedefs.put(dv.name(), td);
                types.typedefRef(dv.name()).bind(td);
            }
        } catch (Bad b) {
            // reported; users of this typedef fail silently
        }
    }

    /**
     * A typedef's type: an object type, except that {@code typedef struct opaque opaque_t;} may
     * name a struct the spec never defines (legal C, usable behind a pointer; a by-value use is
     * reported where it happens).
     */
    private CType typedefObject(Term t) throws Bad {
        if (t instanceof DeclaratorTypes.Base b && !b.complete() && !(b.type() instanceof CType.VoidType)) return types.type(t);
        return types.object(t, false);
    }

    /** {@code struct tag} / {@code enum tag} naming a tag with no definition in the file. */
    private boolean namesUndefinedTag(Syntax.TypeSpec t) {
        return switch (t) {
            case Syntax.RecordRef r -> !names.tags().containsKey(r.tag());
            case Syntax.EnumRef r -> !names.tags().containsKey(r.tag());
            default -> false;
        };
    }
}
