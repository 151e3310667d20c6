package org.abilayout.spec.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A member's type as C reads it for the innermost object: typedefs looked through (their
 * qualifiers merged in), array dimensions peeled off, outermost first (empty for a flexible
 * array). {@code volatile int a[4]}'s element is {@code volatile int}.
 */
public record ElementType(CType element, Qualifiers qualifiers, List<OptionalLong> dims) {
    public ElementType {
        dims = List.copyOf(dims);
    }

    public static ElementType of(CType type, Qualifiers qualifiers) {
        List<OptionalLong> dims = new ArrayList<>();
        CType t = type;
        Qualifiers q = qualifiers;
        while (true) {
            if (t instanceof CType.TypedefType td) {
                q = q.merge(td.decl().qualifiers());
                t = td.decl().type();
            } else if (t instanceof CType.ArrayType a) {
                dims.add(a.length());
                t = a.element();
            } else {
                return new ElementType(t, q, dims);
            }
        }
    }
}
