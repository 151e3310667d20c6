package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import org.abilayout.mutex.layout.StructAbi;
import org.abilayout.mutex.sys.Word;

/**
 * The header every struct of {@code shared_mutex.layout} starts with ({@code magic},
 * {@code version}, {@code flags}, reserved words): writing it, and refusing what does not match.
 * Shared by {@link SharedMutex} and {@link SharedCondition}.
 */
final class Instance {
    private Instance() {}

    /** Zeroes the struct (reserved words included), then publishes version, flags and, last, magic. */
    static MemorySegment initialize(MemorySegment segment, StructAbi abi, int magic) {
        MemorySegment s = slice(segment, abi);
        s.fill((byte) 0);
        new Word(s, abi.offset("layout_version")).setVolatile(abi.version());
        new Word(s, abi.offset("flags")).setVolatile(0);
        // magic last: an attach that races with initialisation sees no magic rather than half a struct
        new Word(s, abi.offset("magic")).setVolatile(magic);
        return s;
    }

    /** Checks that {@code segment} holds an initialised instance this library can use. */
    static MemorySegment attach(MemorySegment segment, StructAbi abi, int magic) {
        MemorySegment s = slice(segment, abi);
        String what = "struct " + abi.name();
        int found = new Word(s, abi.offset("magic")).getVolatile();
        int version = new Word(s, abi.offset("layout_version")).getVolatile();
        if (found != magic) {
            if (found == 0 && version == 0) {
                throw new IncompatibleLayoutException("the segment holds no " + what + " (all zero): initialize it first");
            }
            if (found == Integer.reverseBytes(magic)) {
                throw new IncompatibleLayoutException(what + " was initialised by a process of the other byte order"
                        + " (magic 0x" + hex(found) + "); its words cannot be shared with this one");
            }
            throw new IncompatibleLayoutException("the segment does not hold a " + what + ": magic is 0x" + hex(found)
                    + ", expected 0x" + hex(magic));
        }
        if (version > abi.version()) {
            throw new IncompatibleLayoutException(what + " was initialised by layout version " + version
                    + "; this library knows versions up to " + abi.version()
                    + " and will not guess what a newer one means. Use a library of version " + version + " or later.");
        }
        if (version < 1) throw new IncompatibleLayoutException(what + " has an invalid layout version " + version);
        int flags = new Word(s, abi.offset("flags")).getVolatile();
        if (flags != 0) {
            throw new IncompatibleLayoutException(what + " uses feature flags 0x" + hex(flags)
                    + " that layout version " + abi.version() + " does not define");
        }
        return s;
    }

    private static MemorySegment slice(MemorySegment segment, StructAbi abi) {
        if (segment.byteSize() < abi.size()) {
            throw new IncompatibleLayoutException("a segment of " + segment.byteSize() + " bytes cannot hold struct "
                    + abi.name() + " (" + abi.size() + " bytes)");
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException("struct " + abi.name() + " must live in native memory shared between processes"
                    + " (a file or /dev/shm mapping), not on the Java heap");
        }
        if (segment.address() % abi.align() != 0) {
            throw new IllegalArgumentException("struct " + abi.name() + " must start on a " + abi.align()
                    + "-byte boundary (its own cache line); this segment starts at 0x" + Long.toHexString(segment.address()));
        }
        return segment.asSlice(0, abi.size());
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }
}
