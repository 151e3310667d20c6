package org.abilayout.mutex.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One 32-bit shared word as a {@link Waiter} sees it: an address for the kernel's futex, and a
 * value to poll. (The protocol itself reads and writes the words through the generated accessors.)
 *
 * @param segment a native segment (a file or shared-memory mapping)
 * @param offset byte offset of the word, a multiple of 4
 */
public record Word(MemorySegment segment, long offset) {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    public Word {
        if (!segment.isNative()) throw new IllegalArgumentException("shared words live in native (mapped) memory");
        if ((segment.address() + offset) % 4 != 0) {
            throw new IllegalArgumentException("word at " + offset + " is not 4-byte aligned: futex needs that");
        }
    }

    /** The address the kernel keys futex waits on. */
    public long address() {
        return segment.address() + offset;
    }

    public int getVolatile() {
        return (int) INT.getVolatile(segment, offset);
    }

    public void setVolatile(int value) {
        INT.setVolatile(segment, offset, value);
    }

    public void setRelease(int value) {
        INT.setRelease(segment, offset, value);
    }
}
