package org.abilayout.runtime;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SequenceLayout;
import java.util.Optional;

/**
 * Finds, once per accessor instance, where a member sits in a target's {@code StructLayout}: its
 * byte offset and its (element) size, which generated accessors keep in final fields and hand to
 * {@link Access} on every read and write.
 *
 * <p>Members are found by path: the names of the enclosing groups from the outermost layout
 * down (anonymous C members are groups the generator names {@code "(anonymous N)"}). A member
 * absent from the layout (its {@code @if} does not hold on the target) has offset {@code -1}.
 */
public final class MemberPaths {
    private MemberPaths() {}

    /** Byte offset of the member at {@code path}, or {@code -1} when the layout has no such member. */
    public static long offset(GroupLayout layout, String... path) {
        long offset = 0;
        MemoryLayout current = layout;
        for (String name : path) {
            if (!(current instanceof GroupLayout g)) return -1;
            Optional<Step> step = member(g, name);
            if (step.isEmpty()) return -1;
            offset += step.get().offset();
            current = step.get().layout();
        }
        return offset;
    }

    /**
     * Byte size of the member at {@code path} with {@code arrayDims} array dimensions peeled off:
     * the member's size for 0, one element's for a 1-dimensional array; {@code -1} if absent.
     */
    public static long elementSize(GroupLayout layout, int arrayDims, String... path) {
        MemoryLayout current = layout;
        for (String name : path) {
            if (!(current instanceof GroupLayout g)) return -1;
            Optional<Step> step = member(g, name);
            if (step.isEmpty()) return -1;
            current = step.get().layout();
        }
        for (int i = 0; i < arrayDims; i++) {
            if (!(current instanceof SequenceLayout s)) throw new IllegalArgumentException(String.join(".", path) + " is not a " + arrayDims + "-dimensional array");
            current = s.elementLayout();
        }
        return current.byteSize();
    }

    private record Step(long offset, MemoryLayout layout) {}

    private static Optional<Step> member(GroupLayout group, String name) {
        long offset = 0;
        boolean union = group instanceof java.lang.foreign.UnionLayout;
        for (MemoryLayout m : group.memberLayouts()) {
            if (m.name().filter(name::equals).isPresent()) return Optional.of(new Step(union ? 0 : offset, m));
            if (!union) offset += m.byteSize();
        }
        return Optional.empty();
    }
}
