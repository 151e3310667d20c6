package org.abilayout.spec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;

/**
 * A C type as a value. Types nest as C nests them: a pointer carries the type it points to, an
 * array its element type, a function its result and parameter types, and qualifiers wrap the
 * type they qualify ({@link QualifiedType}), at any depth: {@code const char *volatile p} is
 * {@code Qualified(Pointer(Qualified(char, const)), volatile)}.
 *
 * <p>Structs and unions are referred to by {@link RecordRef} (kind and tag), so a struct may
 * point to itself ({@code struct node *next} inside {@code struct node}) and to types the spec
 * never defines ({@code struct opaque *}); the definition, when there is one, is reached through
 * the reference. Typedef names are references too ({@link TypedefRef}), as a typedef may be used
 * behind a pointer before it is declared. Everything else is embedded by value.
 *
 * <p>Values are normalised by {@link #qualified}: qualifiers never wrap qualifiers, and qualifiers
 * written on an array apply to its elements, as C says ({@code volatile int a[4]} is an array of
 * four {@code volatile int}). No code parses a type back from its spelling; spellings are made by
 * {@link org.abilayout.spec.cdecl.DeclaratorWriter}.
 */
public sealed interface CType {

    /** {@code void}: the target of {@code void *} and the result of a function that returns nothing. */
    record VoidType() implements CType {
        public static final VoidType INSTANCE = new VoidType();
    }

    /** An arithmetic type: {@code int}, {@code uint32_t}, {@code long double}, ... */
    record ScalarType(Scalar scalar) implements CType {}

    /** A data or function pointer to {@code target} (which carries its own qualifiers). */
    record PointerType(CType target) implements CType {
        public boolean isFunctionPointer() {
            return target.unqualified() instanceof FunctionType;
        }
    }

    /** An array; {@code length} is empty for a flexible array member ({@code T x[];}). */
    record ArrayType(CType element, OptionalLong length) implements CType {
        public boolean isFlexible() {
            return length.isEmpty();
        }
    }

    /**
     * A function type with a prototype: {@code int (int, char *)}. An empty parameter list is
     * {@code (void)}; the spec language reads {@code ()} as {@code (void)} too, as C23 and C++ do.
     * Parameter names are kept for the generated prototypes but are not part of the type: two
     * function types are equal when result, parameter types and {@code variadic} are.
     */
    record FunctionType(CType result, List<Param> params, boolean variadic) implements CType {
        public FunctionType {
            params = List.copyOf(params);
        }

        /** The parameter types, without names. */
        public List<CType> paramTypes() {
            return params.stream().map(Param::type).toList();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FunctionType f && result.equals(f.result) && variadic == f.variadic
                    && paramTypes().equals(f.paramTypes());
        }

        @Override
        public int hashCode() {
            return Objects.hash(result, paramTypes(), variadic);
        }
    }

    /** One parameter of a function type; {@code name} is empty where none is written. */
    record Param(String name, CType type) {}

    /** A struct or union, by reference; see {@link RecordRef}. */
    record RecordType(RecordRef ref) implements CType {
        /** A struct or union by value whose definition is {@code decl} (for models built by hand). */
        public static RecordType of(RecordDecl decl) {
            return new RecordType(RecordRef.defined(decl));
        }

        /** The definition; throws for an incomplete type (only reachable behind a pointer). */
        public RecordDecl decl() {
            return ref.definition().orElseThrow(() -> new IllegalStateException(ref + " is incomplete"));
        }

        public boolean isComplete() {
            return ref.definition().isPresent();
        }
    }

    /**
     * An enum, by its tag; {@code decl} is empty for an enum the spec names but never defines
     * (only reachable behind a pointer).
     */
    record EnumType(String tag, Optional<EnumDecl> decl) implements CType {
        public static EnumType of(EnumDecl decl) {
            return new EnumType(decl.name(), Optional.of(decl));
        }

        public EnumDecl definition() {
            return decl.orElseThrow(() -> new IllegalStateException("enum " + tag + " is incomplete"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EnumType e && tag.equals(e.tag) && decl.isPresent() == e.decl.isPresent();
        }

        @Override
        public int hashCode() {
            return tag.hashCode();
        }
    }

    /** A use of a typedef name, by reference; see {@link TypedefRef}. */
    record TypedefType(TypedefRef ref) implements CType {
        /** A use of {@code decl} (for models built by hand). */
        public static TypedefType of(TypedefDecl decl) {
            return new TypedefType(TypedefRef.defined(decl));
        }

        /** The typedef; its type is this type's meaning. */
        public TypedefDecl decl() {
            return ref.decl();
        }

        public String name() {
            return ref.name();
        }
    }

    /**
     * {@code type} with qualifiers. Built through {@link CType#qualified}, which keeps the
     * invariants: the qualifiers are not empty, {@code type} is neither qualified nor an array
     * (qualifiers of an array are its elements').
     */
    record QualifiedType(CType type, Qualifiers qualifiers) implements CType {
        public QualifiedType {
            if (qualifiers.isEmpty() || type instanceof QualifiedType || type instanceof ArrayType) {
                throw new IllegalArgumentException("use CType.qualified: " + type + " " + qualifiers);
            }
        }
    }

    /**
     * {@code type} with {@code q} added, normalised: merged into existing qualifiers, pushed into
     * array elements; {@code type} itself when {@code q} is empty.
     */
    static CType qualified(CType type, Qualifiers q) {
        if (q.isEmpty()) return type;
        return switch (type) {
            case FunctionType f -> f; // C: qualifiers on a function type have no meaning
            case QualifiedType qt -> new QualifiedType(qt.type(), qt.qualifiers().merge(q));
            case ArrayType a -> new ArrayType(qualified(a.element(), q), a.length());
            default -> new QualifiedType(type, q);
        };
    }

    /** The qualifiers written on this type itself (not through typedefs); {@link Qualifiers#NONE} if none. */
    default Qualifiers qualifiers() {
        return this instanceof QualifiedType q ? q.qualifiers() : Qualifiers.NONE;
    }

    /** This type without its own qualifiers. */
    default CType unqualified() {
        return this instanceof QualifiedType q ? q.type() : this;
    }

    /**
     * This type with typedefs and qualifiers looked through, down to what decides its shape:
     * a scalar, pointer, array, function, record, enum or void. Arrays keep their element types
     * as written.
     */
    default CType unwrap() {
        CType t = this;
        while (true) {
            switch (t) {
                case TypedefType td -> t = td.decl().type();
                case QualifiedType q -> t = q.type();
                default -> {
                    return t;
                }
            }
        }
    }
}
