package org.abilayout.runtime;

import java.lang.foreign.MemorySegment;

/**
 * The checks generated accessors make before touching memory. Each returns the byte offset to
 * use, so an accessor reads as one expression; each throws an {@link AbiAccessException} whose
 * message names the struct, the member and why. The string arguments are compile-time constants
 * of the generated code: a passing check allocates nothing.
 */
public final class Guards {
    private Guards() {}

    /**
     * {@code offset} if the member exists on the accessor's target, else throws
     * {@link AbsentMemberException}.
     *
     * @param offset the member's offset, {@code -1} when its {@code @if} does not hold
     * @param condition the predicate as the spec spells it, e.g. {@code ilp32}
     */
    public static long present(long offset, String type, String member, String target, String condition) {
        if (offset < 0) {
            throw new AbsentMemberException(type + "." + member + " does not exist on " + target
                    + ": it is declared @if(" + condition + ")");
        }
        return offset;
    }

    /**
     * Throws {@link VersionMismatchException} when an instance of version {@code instanceVersion}
     * predates the member's {@code @since(since)}.
     */
    public static void since(long instanceVersion, int since, String type, String member) {
        if (instanceVersion < since) {
            throw new VersionMismatchException(type + "." + member + " is @since(" + since + ") but this instance is version "
                    + instanceVersion + " (its version field says so)", instanceVersion, since);
        }
    }

    /**
     * {@code offset} if the address {@code segment + offset} is a multiple of {@code size}, so an
     * atomic access of {@code size} bytes cannot tear; else throws {@link MisalignedAtomicException}.
     */
    public static long aligned(MemorySegment segment, long offset, long size, String type, String member, String target) {
        long address = segment.address() + offset;
        boolean ok = (address & (size - 1)) == 0 && (segment.isNative() || segment.maxByteAlignment() >= size);
        if (!ok) {
            throw new MisalignedAtomicException("atomic access to " + type + "." + member + " (" + size + " bytes) at "
                    + (segment.isNative() ? "address 0x" + Long.toHexString(address) : "offset " + address + " of a heap segment")
                    + " on " + target + ": the address is not " + size + "-byte aligned, so the access could tear; "
                    + "place the struct on a " + size + "-byte boundary (and give the member @align(" + size
                    + ") in the spec where the target's ABI aligns it less)");
        }
        return offset;
    }

    /** The exception for a {@code forTarget(name)} a class was not generated for. */
    public static UnsupportedTargetException notGenerated(String target, String type, java.util.List<String> generatedFor) {
        String known = org.abilayout.arch.Catalogue.byName(target).isPresent() ? "" : " (not a catalogue target at all)";
        return new UnsupportedTargetException(type + " was not generated for " + target + known + "; generated for: "
                + String.join(", ", generatedFor));
    }

    /** {@code base + index * stride} after checking {@code 0 <= index < length} (the C array bound). */
    public static long element(long base, long index, long length, long stride) {
        return base + java.util.Objects.checkIndex(index, length) * stride;
    }

    /** {@code base + index * stride} for a flexible array member: only the segment bounds the index. */
    public static long flexibleElement(long base, long index, long stride) {
        if (index < 0) throw new IndexOutOfBoundsException("negative index " + index);
        return base + index * stride;
    }
}
