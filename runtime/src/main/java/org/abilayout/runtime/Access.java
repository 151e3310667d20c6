package org.abilayout.runtime;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reads and writes C scalars in a segment, for generated accessors. Every method takes the
 * member's offset, its storage size on the target and the target's byte order, and picks one of
 * a few {@code static final} {@link VarHandle}s, which the JIT treats as constants: an accessor
 * bound to any target compiles to a plain load or store (plus a byte swap where the order is
 * foreign), whatever target it was chosen for.
 *
 * <p>Java types are fixed per C type (see the table in {@code docs/java.md}); where the storage
 * is narrower (4-byte {@code long} and pointers on ILP32, 2-byte {@code wchar_t} on Windows) the
 * value is sign-extended ({@code getLong}, {@code getInt}) or zero-extended
 * ({@code getUnsignedLong}, {@code getUnsignedInt}) on read, and on write must fit the storage
 * read as signed or as unsigned ({@code -1} and {@code 0xffffffffL} both store all-ones in 4
 * bytes), else {@link IllegalArgumentException}.
 *
 * <p>Plain methods work at any address (the data may come from a file or a packet). The atomic
 * ones ({@code getVolatile*}, {@code setRelease*}, {@code compareAndSet*}, {@code getAndAdd*})
 * need the address aligned to the size; generated code checks that first with
 * {@link Guards#aligned}.
 */
public final class Access {
    private Access() {}

    private static final VarHandle BYTE = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle FLOAT_BE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle DOUBLE_LE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle DOUBLE_BE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(BIG_ENDIAN).varHandle();
    // atomic access modes exist only on aligned layouts
    private static final VarHandle A_SHORT_LE = ValueLayout.JAVA_SHORT.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle A_SHORT_BE = ValueLayout.JAVA_SHORT.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle A_INT_LE = ValueLayout.JAVA_INT.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle A_INT_BE = ValueLayout.JAVA_INT.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle A_LONG_LE = ValueLayout.JAVA_LONG.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle A_LONG_BE = ValueLayout.JAVA_LONG.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle A_FLOAT_LE = ValueLayout.JAVA_FLOAT.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle A_FLOAT_BE = ValueLayout.JAVA_FLOAT.withOrder(BIG_ENDIAN).varHandle();
    private static final VarHandle A_DOUBLE_LE = ValueLayout.JAVA_DOUBLE.withOrder(LITTLE_ENDIAN).varHandle();
    private static final VarHandle A_DOUBLE_BE = ValueLayout.JAVA_DOUBLE.withOrder(BIG_ENDIAN).varHandle();

    // --- plain -----------------------------------------------------------------------------------

    /** {@code _Bool}: any non-zero byte is {@code true}. */
    public static boolean getBoolean(MemorySegment s, long offset, long size, boolean bigEndian) {
        return (byte) BYTE.get(s, offset) != 0;
    }

    /** Writes a {@code _Bool}. */
    public static void setBoolean(MemorySegment s, long offset, long size, boolean bigEndian, boolean v) {
        BYTE.set(s, offset, v ? (byte) 1 : (byte) 0);
    }

    /** Reads a 1-byte integer. */
    public static byte getByte(MemorySegment s, long offset, long size, boolean bigEndian) {
        return (byte) BYTE.get(s, offset);
    }

    /** Writes a 1-byte integer. */
    public static void setByte(MemorySegment s, long offset, long size, boolean bigEndian, byte v) {
        BYTE.set(s, offset, v);
    }

    /** Reads a 2-byte integer. */
    public static short getShort(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (short) SHORT_BE.get(s, offset) : (short) SHORT_LE.get(s, offset);
    }

    /** Writes a 2-byte integer. */
    public static void setShort(MemorySegment s, long offset, long size, boolean bigEndian, short v) {
        if (bigEndian) SHORT_BE.set(s, offset, v);
        else SHORT_LE.set(s, offset, v);
    }

    /** An {@code int}; 2-byte storage is sign-extended. */
    public static int getInt(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 2) return getShort(s, offset, size, bigEndian);
        return bigEndian ? (int) INT_BE.get(s, offset) : (int) INT_LE.get(s, offset);
    }

    /** An {@code int} whose 2-byte storage is zero-extended ({@code wchar_t} on Windows). */
    public static int getUnsignedInt(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 2) return Short.toUnsignedInt(getShort(s, offset, size, bigEndian));
        return getInt(s, offset, size, bigEndian);
    }

    /** Writes a {@code int}. */
    public static void setInt(MemorySegment s, long offset, long size, boolean bigEndian, int v) {
        if (size == 2) setShort(s, offset, size, bigEndian, toShort(v));
        else if (bigEndian) INT_BE.set(s, offset, v);
        else INT_LE.set(s, offset, v);
    }

    /** Writes a zero-extended {@code int}. */
    public static void setUnsignedInt(MemorySegment s, long offset, long size, boolean bigEndian, int v) {
        setInt(s, offset, size, bigEndian, v);
    }

    /** A {@code long}; 4-byte storage is sign-extended. */
    public static long getLong(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 4) return getInt(s, offset, size, bigEndian);
        return bigEndian ? (long) LONG_BE.get(s, offset) : (long) LONG_LE.get(s, offset);
    }

    /** A {@code long} whose 4-byte storage is zero-extended (pointers, {@code size_t}, {@code unsigned long}). */
    public static long getUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 4) return Integer.toUnsignedLong(getInt(s, offset, size, bigEndian));
        return getLong(s, offset, size, bigEndian);
    }

    /** Writes a {@code long}. */
    public static void setLong(MemorySegment s, long offset, long size, boolean bigEndian, long v) {
        if (size == 4) setInt(s, offset, size, bigEndian, toInt(v));
        else if (bigEndian) LONG_BE.set(s, offset, v);
        else LONG_LE.set(s, offset, v);
    }

    /** Writes a zero-extended {@code long}. */
    public static void setUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian, long v) {
        setLong(s, offset, size, bigEndian, v);
    }

    /** Reads a {@code float}. */
    public static float getFloat(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (float) FLOAT_BE.get(s, offset) : (float) FLOAT_LE.get(s, offset);
    }

    /** Writes a {@code float}. */
    public static void setFloat(MemorySegment s, long offset, long size, boolean bigEndian, float v) {
        if (bigEndian) FLOAT_BE.set(s, offset, v);
        else FLOAT_LE.set(s, offset, v);
    }

    /** Reads a {@code double}. */
    public static double getDouble(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (double) DOUBLE_BE.get(s, offset) : (double) DOUBLE_LE.get(s, offset);
    }

    /** Writes a {@code double}. */
    public static void setDouble(MemorySegment s, long offset, long size, boolean bigEndian, double v) {
        if (bigEndian) DOUBLE_BE.set(s, offset, v);
        else DOUBLE_LE.set(s, offset, v);
    }

    // --- atomic: volatile reads and release writes -----------------------------------------------

    /** Reads a 1-byte integer with volatile semantics. */
    public static byte getVolatileByte(MemorySegment s, long offset, long size, boolean bigEndian) {
        return (byte) BYTE.getVolatile(s, offset);
    }

    /** Writes a 1-byte integer with release semantics. */
    public static void setReleaseByte(MemorySegment s, long offset, long size, boolean bigEndian, byte v) {
        BYTE.setRelease(s, offset, v);
    }

    /** Reads a 2-byte integer with volatile semantics. */
    public static short getVolatileShort(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (short) A_SHORT_BE.getVolatile(s, offset) : (short) A_SHORT_LE.getVolatile(s, offset);
    }

    /** Writes a 2-byte integer with release semantics. */
    public static void setReleaseShort(MemorySegment s, long offset, long size, boolean bigEndian, short v) {
        if (bigEndian) A_SHORT_BE.setRelease(s, offset, v);
        else A_SHORT_LE.setRelease(s, offset, v);
    }

    /** Reads a {@code int} with volatile semantics. */
    public static int getVolatileInt(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 2) return getVolatileShort(s, offset, size, bigEndian);
        return bigEndian ? (int) A_INT_BE.getVolatile(s, offset) : (int) A_INT_LE.getVolatile(s, offset);
    }

    /** Reads a zero-extended {@code int} with volatile semantics. */
    public static int getVolatileUnsignedInt(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 2) return Short.toUnsignedInt(getVolatileShort(s, offset, size, bigEndian));
        return getVolatileInt(s, offset, size, bigEndian);
    }

    /** Writes a {@code int} with release semantics. */
    public static void setReleaseInt(MemorySegment s, long offset, long size, boolean bigEndian, int v) {
        if (size == 2) setReleaseShort(s, offset, size, bigEndian, toShort(v));
        else if (bigEndian) A_INT_BE.setRelease(s, offset, v);
        else A_INT_LE.setRelease(s, offset, v);
    }

    /** Writes a zero-extended {@code int} with release semantics. */
    public static void setReleaseUnsignedInt(MemorySegment s, long offset, long size, boolean bigEndian, int v) {
        setReleaseInt(s, offset, size, bigEndian, v);
    }

    /** Reads a {@code long} with volatile semantics. */
    public static long getVolatileLong(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 4) return getVolatileInt(s, offset, size, bigEndian);
        return bigEndian ? (long) A_LONG_BE.getVolatile(s, offset) : (long) A_LONG_LE.getVolatile(s, offset);
    }

    /** Reads a zero-extended {@code long} with volatile semantics. */
    public static long getVolatileUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian) {
        if (size == 4) return Integer.toUnsignedLong(getVolatileInt(s, offset, size, bigEndian));
        return getVolatileLong(s, offset, size, bigEndian);
    }

    /** Writes a {@code long} with release semantics. */
    public static void setReleaseLong(MemorySegment s, long offset, long size, boolean bigEndian, long v) {
        if (size == 4) setReleaseInt(s, offset, size, bigEndian, toInt(v));
        else if (bigEndian) A_LONG_BE.setRelease(s, offset, v);
        else A_LONG_LE.setRelease(s, offset, v);
    }

    /** Writes a zero-extended {@code long} with release semantics. */
    public static void setReleaseUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian, long v) {
        setReleaseLong(s, offset, size, bigEndian, v);
    }

    /** Reads a {@code float} with volatile semantics. */
    public static float getVolatileFloat(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (float) A_FLOAT_BE.getVolatile(s, offset) : (float) A_FLOAT_LE.getVolatile(s, offset);
    }

    /** Writes a {@code float} with release semantics. */
    public static void setReleaseFloat(MemorySegment s, long offset, long size, boolean bigEndian, float v) {
        if (bigEndian) A_FLOAT_BE.setRelease(s, offset, v);
        else A_FLOAT_LE.setRelease(s, offset, v);
    }

    /** Reads a {@code double} with volatile semantics. */
    public static double getVolatileDouble(MemorySegment s, long offset, long size, boolean bigEndian) {
        return bigEndian ? (double) A_DOUBLE_BE.getVolatile(s, offset) : (double) A_DOUBLE_LE.getVolatile(s, offset);
    }

    /** Writes a {@code double} with release semantics. */
    public static void setReleaseDouble(MemorySegment s, long offset, long size, boolean bigEndian, double v) {
        if (bigEndian) A_DOUBLE_BE.setRelease(s, offset, v);
        else A_DOUBLE_LE.setRelease(s, offset, v);
    }

    // --- atomic: read-modify-write on 4- and 8-byte storage --------------------------------------

    /** Atomically sets a {@code int} to {@code v} if it is {@code expected}. */
    public static boolean compareAndSetInt(MemorySegment s, long offset, long size, boolean bigEndian, int expected, int v) {
        return bigEndian ? A_INT_BE.compareAndSet(s, offset, expected, v) : A_INT_LE.compareAndSet(s, offset, expected, v);
    }

    /** Atomically adds {@code delta} to a {@code int} and returns the old value. */
    public static int getAndAddInt(MemorySegment s, long offset, long size, boolean bigEndian, int delta) {
        return bigEndian ? (int) A_INT_BE.getAndAdd(s, offset, delta) : (int) A_INT_LE.getAndAdd(s, offset, delta);
    }

    /** Atomically sets a {@code long} to {@code v} if it is {@code expected}. */
    public static boolean compareAndSetLong(MemorySegment s, long offset, long size, boolean bigEndian, long expected, long v) {
        if (size == 4) return compareAndSetInt(s, offset, size, bigEndian, toInt(expected), toInt(v));
        return bigEndian ? A_LONG_BE.compareAndSet(s, offset, expected, v) : A_LONG_LE.compareAndSet(s, offset, expected, v);
    }

    /** Atomically sets a zero-extended {@code long} to {@code v} if it is {@code expected}. */
    public static boolean compareAndSetUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian, long expected, long v) {
        return compareAndSetLong(s, offset, size, bigEndian, expected, v);
    }

    /** Atomically adds {@code delta} to a {@code long} and returns the old value. */
    public static long getAndAddLong(MemorySegment s, long offset, long size, boolean bigEndian, long delta) {
        if (size == 4) return getAndAddInt(s, offset, size, bigEndian, (int) delta); // two's complement: the low bits suffice
        return bigEndian ? (long) A_LONG_BE.getAndAdd(s, offset, delta) : (long) A_LONG_LE.getAndAdd(s, offset, delta);
    }

    /** Atomically adds {@code delta} to a zero-extended {@code long} and returns the old value. */
    public static long getAndAddUnsignedLong(MemorySegment s, long offset, long size, boolean bigEndian, long delta) {
        if (size == 4) return Integer.toUnsignedLong(getAndAddInt(s, offset, size, bigEndian, (int) delta));
        return getAndAddLong(s, offset, size, bigEndian, delta);
    }

    // --- narrowing -------------------------------------------------------------------------------

    private static int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > 0xffff_ffffL) {
            throw new IllegalArgumentException(v + " does not fit the 4 bytes this target stores the member in");
        }
        return (int) v;
    }

    private static short toShort(int v) {
        if (v < Short.MIN_VALUE || v > 0xffff) {
            throw new IllegalArgumentException(v + " does not fit the 2 bytes this target stores the member in");
        }
        return (short) v;
    }
}
