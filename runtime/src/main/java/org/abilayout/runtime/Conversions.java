package org.abilayout.runtime;

/**
 * Widening and narrowing between a target's storage and an accessor's {@link Carrier}.
 * Narrowing accepts a value if it fits the storage read as signed or as unsigned (so both
 * {@code -1} and {@code 0xffffffffL} store all-ones in a 32-bit pointer) and rejects the rest,
 * rather than silently dropping high bits.
 */
final class Conversions {
    private Conversions() {}

    static long intToLong(int v) {
        return v;
    }

    static long intToLongUnsigned(int v) {
        return Integer.toUnsignedLong(v);
    }

    static int longToInt(long v) {
        if (v < Integer.MIN_VALUE || v > 0xffff_ffffL) {
            throw new IllegalArgumentException(v + " does not fit the 4 bytes this target stores the member in");
        }
        return (int) v;
    }

    static int shortToInt(short v) {
        return v;
    }

    static int shortToIntUnsigned(short v) {
        return Short.toUnsignedInt(v);
    }

    static short intToShort(int v) {
        if (v < Short.MIN_VALUE || v > 0xffff) {
            throw new IllegalArgumentException(v + " does not fit the 2 bytes this target stores the member in");
        }
        return (short) v;
    }

    static boolean byteToBoolean(byte v) {
        return v != 0;
    }

    static byte booleanToByte(boolean v) {
        return v ? (byte) 1 : (byte) 0;
    }
}
