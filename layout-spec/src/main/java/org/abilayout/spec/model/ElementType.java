package org.abilayout.spec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A member's type as C reads it for the innermost object: typedefs and qualifiers looked through
 * (the qualifiers merged), array dimensions peeled off, outermost first (empty for a flexible
 * array). {@code volatile int a[4]}'s element is {@code int} with {@code volatile}.
 *
 * @param element the unqualified innermost type, never a typedef, qualified type or array
 */
public record ElementType(CType element, Qualifiers qualifiers, List<OptionalLong> dims) {
    public ElementType {
        dims = List.copyOf(dims);
    }

    public static ElementType of(CType type) {
        List<OptionalLong> dims = new ArrayList<>();
        CType t = type;
        Qualifiers q = Qualifiers.NONE;
        while (true) {
            switch (t) {
                case CType.TypedefType td -> t = td.decl().type();
                case CType.QualifiedType qt -> {
                    q = q.merge(qt.qualifiers());
                    t = qt.type();
                }
                case CType.ArrayType a -> {
                    dims.add(a.length());
                    t = a.element();
                }
                default -> {
                    return new ElementType(t, q, dims);
                }
            }
        }
    }

    /** The qualifiers of the innermost element of {@code type} as written: arrays looked through, typedefs not. */
    static Qualifiers writtenQualifiers(CType type) {
        CType t = type;
        while (t instanceof CType.ArrayType a) t = a.element();
        return t.qualifiers();
    }
}
