package org.abilayout.codegen.java;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.predicate.Predicate;

/**
 * One member a generated class has accessors for, with where it sits on every target. Members
 * of anonymous structs and unions are lifted into their parent as C lifts them; members of a
 * named member of anonymous record type are lifted with its name as prefix ({@code pos_x}).
 *
 * @param javaName the accessor name
 * @param cName the member as C reaches it ({@code m_owner}, {@code pos.x}), for messages
 * @param layoutPath names of the FFM layouts from the record down to the member
 * @param member the innermost spec member
 * @param element the type after typedefs and array dimensions
 * @param qualifiers qualifiers of the element, typedefs' included
 * @param dims the array dimensions, outermost first; an empty first one is a flexible array
 * @param shape how it is accessed
 * @param scalar its Java type when {@link Shape#SCALAR}
 * @param conditions the {@code @if} predicates of the member and its enclosing members
 * @param since the member's {@code @since}
 * @param placements where it sits per target name; absent on targets where a condition fails
 */
record Leaf(
        String javaName,
        String cName,
        List<String> layoutPath,
        Member member,
        CType element,
        Qualifiers qualifiers,
        List<OptionalLong> dims,
        Shape shape,
        JavaScalar scalar,
        List<Predicate> conditions,
        int since,
        Map<String, Placement> placements) {

    /** How a member is accessed. */
    enum Shape {
        /** a value with get/set (an element of it, for arrays) */
        SCALAR,
        /** a slice of bytes: nested structs and unions, {@code long double} */
        SLICE
    }

    /**
     * @param offset from the start of the outermost record
     * @param size of the member (all elements for an array)
     * @param align its in-struct alignment
     * @param elementSize of one element (the member itself when not an array)
     */
    record Placement(long offset, long size, long align, long elementSize) {}

    boolean isArray() {
        return !dims.isEmpty();
    }

    boolean isFlexible() {
        return isArray() && dims.getFirst().isEmpty();
    }

    boolean isAtomic() {
        return shape == Shape.SCALAR && !isArray() && (qualifiers.isVolatile() || qualifiers.isAtomic())
                && scalar.hasAtomicAccess();
    }

    Optional<String> condition() {
        if (conditions.isEmpty()) return Optional.empty();
        return Optional.of(String.join(" && ", conditions.stream().map(Predicate::spelling).toList()));
    }
}
