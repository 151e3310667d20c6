package org.abilayout.spec.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.RecordRef;
import org.abilayout.spec.model.TypedefRef;
import org.abilayout.spec.resolve.NameTable.EnumTag;
import org.abilayout.spec.resolve.NameTable.RecordTag;
import org.abilayout.spec.resolve.NameTable.Tag;
import org.abilayout.spec.resolve.NameTable.TypedefName;
import org.abilayout.spec.source.Suggest;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Expr;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.DeclSpecs;
import org.abilayout.spec.syntax.Syntax.Declarator;

/**
 * Part of stage 4 of the resolver: the {@link CType} value of a declaration, from its
 * specifiers and declarator. Every rule about which types an object may have is checked here
 * and nowhere else: {@code void} and function objects, incomplete types by value, array
 * dimensions, arrays of functions, functions returning arrays, {@code _Atomic} on a struct or
 * union or on an array.
 *
 * <p>Structs, unions and typedef names are referenced through {@link RecordRef} and
 * {@link TypedefRef}, one per name, bound by {@link DeclBuilder} when their definitions are
 * built; so a type may point to what is built later.
 */
final class DeclaratorTypes {
    /** A reported error: abandon the member or declaration being built. */
    static final class Bad extends Exception {
        Bad() {
            super(null, null, false, false);
        }
    }

    /** What a record defined in place inherits from the declaration around it. */
    record Attach(Optional<String> doc, List<Annotation> annotations, boolean packed, OptionalLong align) {
        static final Attach NONE = new Attach(Optional.empty(), List.of(), false, OptionalLong.empty());
    }

    /** Builds an anonymous struct or union defined in place (by {@link DeclBuilder}). */
    interface InlineRecords {
        RecordDecl build(Syntax.RecordNode node, Attach attach);
    }

    /** A declarator applied to its base type: the declared name, its position and the type. */
    record Derived(String name, SourcePos namePos, Term term) {}

    /**
     * A type while it is derived from a declarator, with the positions its diagnostics need;
     * {@link #object} and {@link #type} turn it into a {@link CType}.
     */
    sealed interface Term permits Base, Ptr, Arr, Fn {}

    /** @param complete false for an incomplete struct, union or enum, or {@code void} */
    record Base(CType type, boolean complete, Qualifiers quals, Optional<SourcePos> atomicPos, SourcePos pos)
            implements Term {}

    record Ptr(Term target, Qualifiers quals, Optional<SourcePos> atomicPos, SourcePos pos) implements Term {}

    record Arr(Term element, OptionalLong length, SourcePos pos) implements Term {}

    record Fn(Term result, List<CType.Param> params, boolean variadic, SourcePos pos) implements Term {}

    private final NameTable names;
    private final ConstantValues values;
    private final Reporter reporter;
    private final Map<String, RecordRef> recordRefs = new LinkedHashMap<>();
    private final Map<String, TypedefRef> typedefRefs = new LinkedHashMap<>();
    private final Map<String, EnumDecl> enums;
    private InlineRecords inline;

    DeclaratorTypes(NameTable names, ConstantValues values, Map<String, EnumDecl> enums, Reporter reporter) {
        this.names = names;
        this.values = values;
        this.enums = enums;
        this.reporter = reporter;
        for (var e : names.tags().entrySet()) {
            if (e.getValue() instanceof RecordTag rt) recordRefs.put(e.getKey(), RecordRef.named(rt.node().kind(), e.getKey()));
        }
        for (var e : names.ordinary().entrySet()) {
            if (e.getValue() instanceof TypedefName) typedefRefs.put(e.getKey(), TypedefRef.named(e.getKey()));
        }
    }

    void inlineRecords(InlineRecords builder) {
        this.inline = builder;
    }

    /** The reference of a struct or union the file defines. */
    RecordRef recordRef(String tag) {
        return recordRefs.get(tag);
    }

    /** The reference of a typedef the file declares. */
    TypedefRef typedefRef(String name) {
        return typedefRefs.get(name);
    }

    private Bad bad(SourcePos pos, String message) {
        reporter.error(pos, message);
        return new Bad();
    }

    private static String q(String name) {
        return "'" + Names.shorten(name) + "'";
    }

    // --- base types ------------------------------------------------------------------------------------

    /**
     * The base type of declaration specifiers.
     *
     * @param byValue whether some declarator uses it by value (then it must be complete)
     */
    Term base(DeclSpecs specs, boolean byValue, Attach attach) throws Bad {
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
                yield s.<Term>map(sc -> new Base(new CType.ScalarType(sc), true, q, ap, b.pos()))
                        .orElse(new Base(CType.VoidType.INSTANCE, false, q, ap, b.pos()));
            }
            case Syntax.Named n -> named(n, byValue, q, ap);
            case Syntax.RecordRef r -> record(r.kind(), r.tag(), r.pos(), byValue, q, ap);
            case Syntax.RecordDef rd -> {
                if (rd.node().tag().isPresent()) {
                    yield record(rd.node().kind(), rd.node().tag().get(), rd.node().namePos(), byValue, q, ap);
                }
                if (!byValue) {
                    throw bad(rd.node().pos(), "an anonymous " + rd.node().kind().keyword()
                            + " cannot be pointed to; give it a tag");
                }
                RecordDecl decl = inline.build(rd.node(), attach);
                yield new Base(new CType.RecordType(RecordRef.defined(decl)), true, q, ap, rd.node().pos());
            }
            case Syntax.EnumRef e -> enumeration(e.tag(), e.pos(), byValue, q, ap);
            case Syntax.EnumDef ed -> {
                if (ed.node().tag().isEmpty()) {
                    throw bad(ed.node().pos(), "an anonymous enum can only stand alone at top level; give it a tag");
                }
                yield enumeration(ed.node().tag().get(), ed.node().namePos(), byValue, q, ap);
            }
            case Syntax.AtomicOf a -> {
                Term inner = derive(base(a.inner(), byValue && !NameTable.hasPointer(a.declarator()), attach),
                        a.declarator()).term();
                Qualifiers atomic = q.merge(new Qualifiers(false, false, true));
                yield switch (inner) {
                    case Base b -> new Base(b.type(), b.complete(), b.quals().merge(atomic), Optional.of(a.pos()), b.pos());
                    case Ptr p -> new Ptr(p.target(), p.quals().merge(atomic), Optional.of(a.pos()), p.pos());
                    default -> throw bad(a.pos(), "_Atomic(...) of an array or function type is not allowed");
                };
            }
        };
    }

    private Term named(Syntax.Named n, boolean byValue, Qualifiers q, Optional<SourcePos> ap) throws Bad {
        Optional<Scalar> s = Scalar.byTypedefName(n.name());
        if (s.isPresent()) return new Base(new CType.ScalarType(s.get()), true, q, ap, n.pos());
        Optional<TypedefName> tn = names.typedef(n.name());
        if (tn.isEmpty()) throw bad(n.pos(), names.unknownTypeMessage(n.name()));
        TypedefRef ref = typedefRefs.get(n.name());
        if (byValue) {
            // the type order builds a typedef before every by-value use of it
            if (!ref.isBound()) throw new Bad(); // the typedef itself failed, already reported
            CType named = ref.decl().type();
            while (named.unwrap() instanceof CType.ArrayType a) named = a.element();
            if (named.unwrap() instanceof CType.RecordType rt && !rt.isComplete() && !names.tags().containsKey(rt.ref().tag())) {
                throw bad(n.pos(), q(n.name()) + " is " + rt.ref() + ", which is not defined in "
                        + "this spec (an undefined type can only be used behind a pointer)");
            }
        }
        return new Base(new CType.TypedefType(ref), true, q, ap, n.pos());
    }

    private Term record(RecordDecl.Kind kind, String tag, SourcePos pos, boolean byValue, Qualifiers q,
            Optional<SourcePos> ap) throws Bad {
        Tag t = names.tags().get(tag);
        switch (t) {
            case RecordTag rt -> {
                if (rt.node().kind() != kind) {
                    throw bad(pos, q(tag) + " is a " + rt.node().kind().keyword() + ", not a " + kind.keyword()
                            + " (defined on line " + rt.pos().line() + ")");
                }
                RecordRef ref = recordRefs.get(tag);
                if (byValue && ref.definition().isEmpty()) throw new Bad(); // its definition failed, already reported
                return new Base(new CType.RecordType(ref), true, q, ap, pos);
            }
            case EnumTag et -> throw bad(pos, q(tag) + " is an enum, not a " + kind.keyword()
                    + " (defined on line " + et.pos().line() + ")");
            case null -> {
                if (byValue) {
                    List<String> known = names.tags().entrySet().stream().filter(e -> e.getValue() instanceof RecordTag)
                            .map(Map.Entry::getKey).toList();
                    throw bad(pos, kind.keyword() + " " + tag + " is not defined in this spec" + Suggest.didYouMean(tag, known)
                            + " (an undefined type can only be used behind a pointer)");
                }
                RecordRef ref = recordRefs.computeIfAbsent(tag, k -> RecordRef.named(kind, k));
                if (ref.kind() != kind) {
                    throw bad(pos, q(tag) + " is used as a " + ref.kind().keyword() + " elsewhere in this spec; "
                            + "a tag names one kind of type");
                }
                return new Base(new CType.RecordType(ref), false, q, ap, pos);
            }
        }
    }

    private Term enumeration(String tag, SourcePos pos, boolean byValue, Qualifiers q, Optional<SourcePos> ap) throws Bad {
        Tag t = names.tags().get(tag);
        switch (t) {
            case EnumTag et -> {
                EnumDecl e = enums.get(tag);
                if (e == null) throw new Bad(); // its definition failed, already reported
                return new Base(CType.EnumType.of(e), true, q, ap, pos);
            }
            case RecordTag rt -> throw bad(pos, q(tag) + " is a " + rt.node().kind().keyword() + ", not an enum"
                    + " (defined on line " + rt.pos().line() + ")");
            case null -> {
                if (byValue) {
                    List<String> known = names.tags().entrySet().stream().filter(e -> e.getValue() instanceof EnumTag)
                            .map(Map.Entry::getKey).toList();
                    throw bad(pos, "enum " + tag + " is not defined in this spec" + Suggest.didYouMean(tag, known));
                }
                return new Base(new CType.EnumType(tag, Optional.empty()), false, q, ap, pos);
            }
        }
    }

    static Qualifiers quals(Syntax.Quals q) {
        return new Qualifiers(q.isConst(), q.isVolatile(), q.isAtomic());
    }

    // --- declarators -----------------------------------------------------------------------------------

    /** Applies a declarator's derivations to a base type, outermost first (see {@link Declarator}). */
    Derived derive(Term base, Declarator d) throws Bad {
        Term cur = base;
        Declarator x = d;
        while (true) {
            switch (x) {
                case Syntax.Pointer p -> {
                    if (cur instanceof Base b && b.type() instanceof CType.RecordType rt && rt.ref().isAnonymous()) {
                        throw bad(p.pos(), "an anonymous " + rt.ref().kind().keyword() + " cannot be pointed to; give it a tag");
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
                    cur = function(cur, f);
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
        Optional<BigInteger> v = values.eval(e);
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

    /**
     * A function declarator: its parameters get C's adjustments (an array parameter is a pointer
     * to its element, a function parameter a pointer to the function); a lone {@code void} is an
     * empty list.
     */
    private Fn function(Term result, Syntax.Function f) throws Bad {
        List<Syntax.Param> written = f.params();
        if (written.size() == 1 && !f.variadic() && isVoid(written.getFirst())) {
            return new Fn(result, List.of(), false, f.pos());
        }
        List<CType.Param> params = new ArrayList<>();
        for (Syntax.Param p : written) {
            Derived d = derive(base(p.specs(), false, Attach.NONE), p.declarator());
            Term t = switch (d.term()) {
                case Arr a -> new Ptr(a.element(), Qualifiers.NONE, Optional.empty(), a.pos());
                case Fn fn -> new Ptr(fn, Qualifiers.NONE, Optional.empty(), fn.pos());
                default -> d.term();
            };
            if (t instanceof Base b && b.type() instanceof CType.VoidType) {
                throw bad(b.pos(), "'void' must be the only parameter, and unnamed");
            }
            params.add(new CType.Param(d.name(), type(t)));
        }
        return new Fn(result, params, f.variadic(), f.pos());
    }

    private static boolean isVoid(Syntax.Param p) {
        return p.declarator() instanceof Syntax.Abstract && p.specs().type() instanceof Syntax.Builtin b
                && b.words().equals(List.of("void")) && !p.specs().quals().isConst() && !p.specs().quals().isVolatile()
                && !p.specs().quals().isAtomic();
    }

    // --- terms to types --------------------------------------------------------------------------------

    /** A derived type as the type of something other than an object: a pointer's target, a parameter. */
    CType type(Term t) throws Bad {
        return switch (t) {
            case Base b -> CType.qualified(b.type(), b.quals());
            case Ptr p -> CType.qualified(new CType.PointerType(type(p.target())), p.quals());
            case Arr a -> {
                checkElement(a);
                yield new CType.ArrayType(type(a.element()), a.length());
            }
            case Fn f -> {
                if (f.result() instanceof Arr || f.result() instanceof Fn) {
                    throw bad(f.pos(), "a function cannot return " + (f.result() instanceof Arr ? "an array" : "a function")
                            + "; return a pointer to it");
                }
                yield new CType.FunctionType(type(f.result()), f.params(), f.variadic());
            }
        };
    }

    /**
     * A derived type as the type of an object (a member, or a typedef used as one): complete, not
     * {@code void}, not a function; {@code _Atomic} only on scalars, enums and pointers.
     */
    CType object(Term t, boolean member) throws Bad {
        switch (t) {
            case Base b -> {
                if (b.type() instanceof CType.VoidType) {
                    throw bad(b.pos(), "'void' is not a data type" + (member ? " for a member" : "") + "; did you mean 'void *'?");
                }
                if (!b.complete()) throw new Bad(); // incomplete types are reported where they are looked up
            }
            case Arr a -> {
                checkElement(a);
                object(a.element(), member);
            }
            case Fn f -> throw bad(f.pos(), member
                    ? "a member cannot be a function; did you mean a function pointer '(*name)(...)'?"
                    : "a typedef of a function type is not supported; typedef a function pointer '(*name)(...)' instead");
            case Ptr p -> { }
        }
        CType type = type(t);
        checkAtomic(t, type);
        return type;
    }

    private void checkElement(Arr a) throws Bad {
        if (a.element() instanceof Arr inner && inner.length().isEmpty()) {
            throw bad(inner.pos(), "only the first dimension of an array may be left empty");
        }
        if (a.element() instanceof Fn f) {
            throw bad(f.pos(), "an array of functions is not a data type; did you mean an array of "
                    + "function pointers '(*name[N])(...)'?");
        }
    }

    /** {@code _Atomic} on an object whose (element) type is a struct or union: compilers disagree, so never guess. */
    private void checkAtomic(Term t, CType type) throws Bad {
        Term el = t;
        while (el instanceof Arr a) el = a.element();
        Optional<SourcePos> atomicPos = switch (el) {
            case Base b -> b.atomicPos();
            case Ptr p -> p.atomicPos();
            default -> Optional.empty();
        };
        // the qualifiers written on this object (a typedef's own are checked where it is declared)
        CType written = type;
        while (written instanceof CType.ArrayType a) written = a.element();
        CType element = written.unwrap();
        while (element instanceof CType.ArrayType a) element = a.element().unwrap();
        if (written.qualifiers().isAtomic() && element instanceof CType.RecordType) {
            throw bad(atomicPos.orElse(SourcePos.NONE), "_Atomic is supported on scalars, enums and pointers");
        }
    }
}
