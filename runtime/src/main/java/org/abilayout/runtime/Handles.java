package org.abilayout.runtime;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * Builds, once per accessor instance, what generated accessors use on their hot paths: the byte
 * offset of a member in a target's {@code StructLayout} and {@link VarHandle}s with coordinates
 * {@code (MemorySegment, long offset)} whose value type is the member's {@link Carrier}.
 *
 * <p>Members are found by path: the names of the enclosing groups from the outermost layout
 * down (anonymous C members are groups the generator names {@code "(anonymous N)"}). A member
 * absent from the layout (its {@code @if} does not hold on the target) has offset {@code -1}.
 */
public final class Handles {
    private Handles() {}

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
     * The innermost value layout of the member at {@code path}: the member itself for a scalar,
     * its element for an array (of arrays); empty when the member is absent or is not scalar.
     */
    public static Optional<ValueLayout> valueLayout(GroupLayout layout, String... path) {
        MemoryLayout current = layout;
        for (String name : path) {
            if (!(current instanceof GroupLayout g)) return Optional.empty();
            Optional<Step> step = member(g, name);
            if (step.isEmpty()) return Optional.empty();
            current = step.get().layout();
        }
        while (current instanceof SequenceLayout s) current = s.elementLayout();
        return current instanceof ValueLayout v ? Optional.of(v) : Optional.empty();
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

    /**
     * A handle for plain reads and writes of the scalar at {@code path}, at any address (it
     * ignores alignment, as the bytes may come from a file or another architecture); {@code null}
     * when the member is absent, which generated code checks first.
     */
    public static VarHandle plain(GroupLayout layout, Carrier carrier, String... path) {
        return valueLayout(layout, path).map(v -> adapt(v.withByteAlignment(1), carrier)).orElse(null);
    }

    /**
     * A handle for atomic access modes of the scalar at {@code path}: it requires the address to
     * be a multiple of the scalar's size (check with {@link Guards#aligned} first for a clear
     * message); {@code null} when the member is absent.
     */
    public static VarHandle atomic(GroupLayout layout, Carrier carrier, String... path) {
        return valueLayout(layout, path).map(v -> adapt(v.withByteAlignment(v.byteSize()), carrier)).orElse(null);
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

    private static VarHandle adapt(ValueLayout layout, Carrier carrier) {
        VarHandle raw = layout.varHandle();
        Class<?> stored = layout.carrier();
        if (stored == carrier.type()) return raw;
        String suffix = carrier.unsigned() ? "Unsigned" : "";
        if (carrier == Carrier.BOOLEAN && stored == byte.class) return filter(raw, "byteToBoolean", "booleanToByte", byte.class, boolean.class);
        if (stored == int.class && carrier.type() == long.class) return filter(raw, "intToLong" + suffix, "longToInt", int.class, long.class);
        if (stored == short.class && carrier.type() == int.class) return filter(raw, "shortToInt" + suffix, "intToShort", short.class, int.class);
        throw new IllegalArgumentException("no conversion from " + layout + " to " + carrier);
    }

    private static VarHandle filter(VarHandle raw, String widen, String narrow, Class<?> stored, Class<?> carried) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle toStored = lookup.findStatic(Conversions.class, narrow, MethodType.methodType(stored, carried));
            MethodHandle toCarried = lookup.findStatic(Conversions.class, widen, MethodType.methodType(carried, stored));
            return MethodHandles.filterValue(raw, toStored, toCarried);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("abilayout runtime is broken: " + e, e);
        }
    }
}
