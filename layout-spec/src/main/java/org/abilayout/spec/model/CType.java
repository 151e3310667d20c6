package org.abilayout.spec.model;

import java.util.OptionalLong;
import org.abilayout.arch.Scalar;

/**
 * A resolved C type. Qualifiers live beside the type ({@link Member#qualifiers()},
 * {@link TypedefDecl#qualifiers()}) and apply to the innermost object, as C reads
 * {@code volatile int a[4]}.
 */
public sealed interface CType {

    /** An arithmetic type: {@code int}, {@code uint32_t}, {@code long double}, ... */
    record ScalarType(Scalar scalar) implements CType {}

    /**
     * A data or function pointer. Its target does not affect layout; it is kept as C spelling
     * for the generators.
     *
     * @param pointee the C spelling of what it points to ({@code "void"}, {@code "struct node"},
     *     {@code "const char"}, {@code "int (int)"} for a function)
     */
    record PointerType(String pointee, boolean function) implements CType {}

    /**
     * An array. {@code length} is empty for a flexible array member ({@code T x[];}).
     */
    record ArrayType(CType element, OptionalLong length) implements CType {
        public boolean isFlexible() {
            return length.isEmpty();
        }
    }

    /** A struct or union by value. */
    record RecordType(RecordDecl decl) implements CType {}

    /** An enum by value. */
    record EnumType(EnumDecl decl) implements CType {}

    /** A use of a typedef name; layout is that of {@code decl.type()}. */
    record TypedefType(TypedefDecl decl) implements CType {}

    /** This type with typedefs looked through (arrays keep their typedef'd elements). */
    default CType unwrap() {
        CType t = this;
        while (t instanceof TypedefType td) t = td.decl().type();
        return t;
    }
}
