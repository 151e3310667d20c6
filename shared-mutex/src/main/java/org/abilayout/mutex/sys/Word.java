package org.abilayout.mutex.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One 32-bit shared word in native byte order: what both the kernel (futex) and the C library see.
 * Atomic operations are the JVM's (a {@code lock cmpxchg} on x86_64, LL/SC or LSE on aarch64), so
 * they are atomic with respect to C's {@code __atomic} builtins on the same bytes.
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

    public int getAcquire() {
        return (int) INT.getAcquire(segment, offset);
    }

    public int getOpaque() {
        return (int) INT.getOpaque(segment, offset);
    }

    public int getPlain() {
        return (int) INT.get(segment, offset);
    }

    public void setVolatile(int value) {
        INT.setVolatile(segment, offset, value);
    }

    public void setRelease(int value) {
        INT.setRelease(segment, offset, value);
    }

    public void setOpaque(int value) {
        INT.setOpaque(segment, offset, value);
    }

    /** Sequentially consistent compare-and-exchange; returns the witness value. */
    public int compareAndExchange(int expected, int value) {
        return (int) INT.compareAndExchange(segment, offset, expected, value);
    }

    public int getAndSet(int value) {
        return (int) INT.getAndSet(segment, offset, value);
    }

    public int getAndAdd(int delta) {
        return (int) INT.getAndAdd(segment, offset, delta);
    }
}
