package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The header every struct of {@code shared_mutex.layout} starts with ({@code magic},
 * {@code layout_version}, {@code flags}, reserved words): writing it, and refusing what does not
 * match. Shared by {@link SharedMutex} and {@link SharedCondition}, each of which describes its
 * struct with the generated accessors.
 *
 * @param struct the C name, for messages
 * @param size {@code sizeof} on the host
 * @param align {@code _Alignof} on the host
 * @param version the layout version this library writes and the newest it accepts
 * @param magic the struct's magic number
 */
record Instance(String struct, long size, long align, int version, int magic,
        ToIntFunction<MemorySegment> magicOf, ToIntFunction<MemorySegment> versionOf,
        ToIntFunction<MemorySegment> flagsOf, ObjIntConsumer<MemorySegment> publishMagic,
        ObjIntConsumer<MemorySegment> setVersion) {

    /**
     * Zeroes the struct (reserved words included), writes the version and what {@code fill}
     * writes, then publishes the magic.
     */
    MemorySegment initialize(MemorySegment segment, Consumer<MemorySegment> fill) {
        MemorySegment s = slice(segment);
        s.fill((byte) 0);
        setVersion.accept(s, version);
        fill.accept(s);
        // magic last, with release order: an attach that races with initialisation sees no magic
        // rather than half a struct
        publishMagic.accept(s, magic);
        return s;
    }

    /** Checks that {@code segment} holds an initialised instance this library can use. */
    MemorySegment attach(MemorySegment segment) {
        return check(slice(segment));
    }

    /** As {@link #attach}, for a slice already checked for size and alignment. */
    MemorySegment check(MemorySegment s) {
        String what = "struct " + struct;
        int found = magicOf.applyAsInt(s);
        int v = versionOf.applyAsInt(s);
        if (found != magic) {
            if (found == 0 && v == 0) {
                throw new IncompatibleLayoutException("the segment holds no " + what + " (all zero): initialize it first,"
                        + " or let SharedRegion.createOrAttach do it");
            }
            if (found == Integer.reverseBytes(magic)) {
                throw new IncompatibleLayoutException(what + " was initialised by a process of the other byte order"
                        + " (magic 0x" + hex(found) + "); its words cannot be shared with this one");
            }
            throw new IncompatibleLayoutException("the segment does not hold a " + what + ": magic is 0x" + hex(found)
                    + ", expected 0x" + hex(magic));
        }
        if (Integer.compareUnsigned(v, version) > 0) {
            throw new IncompatibleLayoutException(what + " was initialised by layout version " + Integer.toUnsignedString(v)
                    + "; this library knows versions up to " + version
                    + " and will not guess what a newer one means. Use a library of version " + Integer.toUnsignedString(v)
                    + " or later.");
        }
        if (v < 1) throw new IncompatibleLayoutException(what + " has an invalid layout version " + v);
        int flags = flagsOf.applyAsInt(s);
        if (flags != 0) {
            throw new IncompatibleLayoutException(what + " uses feature flags 0x" + hex(flags)
                    + " that layout version " + version + " does not define");
        }
        return s;
    }

    MemorySegment slice(MemorySegment segment) {
        if (segment.byteSize() < size) {
            throw new IncompatibleLayoutException("a segment of " + segment.byteSize() + " bytes cannot hold struct "
                    + struct + " (" + size + " bytes)");
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException("struct " + struct + " must live in native memory shared between processes"
                    + " (a file or /dev/shm mapping), not on the Java heap");
        }
        if (segment.address() % align != 0) {
            throw new IllegalArgumentException("struct " + struct + " must start on a " + align
                    + "-byte boundary (its own cache line); this segment starts at 0x" + Long.toHexString(segment.address()));
        }
        return segment.asSlice(0, size);
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
