package org.abilayout.runtime;

/**
 * The Java type a generated accessor uses for a C scalar, fixed across targets so one accessor
 * method serves every target. Where a target stores the value in fewer bytes than the carrier
 * ({@code long} and pointers on ILP32, {@code wchar_t} on Windows) the handle widens on read
 * (sign- or zero-extending, per {@link #unsigned()}) and narrows on write.
 *
 * <p>Unsigned C types keep their bits in the Java type of the same width: {@code uint8_t} is a
 * {@code byte}, {@code uint32_t} an {@code int}, {@code uint64_t} a {@code long}; read them with
 * {@link Byte#toUnsignedInt}, {@link Integer#toUnsignedLong}, {@link Long#toUnsignedString}.
 */
public enum Carrier {
    /** {@code _Bool}: one byte, any non-zero value reads as {@code true}, written as 0 or 1. */
    BOOLEAN(boolean.class, false),
    BYTE(byte.class, false),
    SHORT(short.class, false),
    INT(int.class, false),
    /** An {@code int} carrier whose narrower storage (2-byte {@code wchar_t}) is zero-extended. */
    UNSIGNED_INT(int.class, true),
    LONG(long.class, false),
    /** A {@code long} carrier whose narrower storage (32-bit pointers, {@code size_t}) is zero-extended. */
    UNSIGNED_LONG(long.class, true),
    FLOAT(float.class, false),
    DOUBLE(double.class, false);

    private final Class<?> type;
    private final boolean unsigned;

    Carrier(Class<?> type, boolean unsigned) {
        this.type = type;
        this.unsigned = unsigned;
    }

    /** The Java type accessors take and return. */
    public Class<?> type() {
        return type;
    }

    /** Whether narrower storage is zero-extended (rather than sign-extended) on read. */
    public boolean unsigned() {
        return unsigned;
    }

    /** Whether integer atomic updates ({@code getAndAdd}) make sense for it. */
    public boolean isInteger() {
        return this != BOOLEAN && this != FLOAT && this != DOUBLE;
    }
}
