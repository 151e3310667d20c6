package org.abilayout.codegen.java;

import com.palantir.javapoet.TypeName;
import org.abilayout.arch.Scalar;

/**
 * The Java type of a C scalar in generated accessors, the same on every target. Each constant
 * names the {@code org.abilayout.runtime.Access} methods that adapt a target's storage to it (the
 * abi-tests compile generated code for a spec using every scalar, so a name missing from the
 * runtime fails there); {@link #RAW} has none: {@code long double} is
 * handed out as a slice of its bytes, since Java has no type for x87, quad or double-double.
 */
enum JavaScalar {
    BOOLEAN(TypeName.BOOLEAN, "Boolean"),
    BYTE(TypeName.BYTE, "Byte"),
    SHORT(TypeName.SHORT, "Short"),
    INT(TypeName.INT, "Int"),
    /** an {@code int} whose narrower storage (2-byte {@code wchar_t}) is zero-extended */
    UNSIGNED_INT(TypeName.INT, "UnsignedInt"),
    /** a {@code long} whose narrower storage (4-byte {@code long} on ILP32, LLP64) is sign-extended */
    LONG(TypeName.LONG, "Long"),
    /** a {@code long} whose narrower storage (32-bit pointers, {@code size_t}) is zero-extended */
    UNSIGNED_LONG(TypeName.LONG, "UnsignedLong"),
    FLOAT(TypeName.FLOAT, "Float"),
    DOUBLE(TypeName.DOUBLE, "Double"),
    RAW(null, null);

    private final TypeName type;
    private final String access;

    JavaScalar(TypeName type, String access) {
        this.type = type;
        this.access = access;
    }

    TypeName type() {
        return type;
    }

    /** The suffix of its {@code org.abilayout.runtime.Access} methods: {@code getUnsignedLong}, {@code setReleaseInt}. */
    String access() {
        return access;
    }

    /** Whether compare-and-set and get-and-add are generated (4- or 8-byte integer storage). */
    boolean hasAtomicUpdates() {
        return this == INT || this == LONG || this == UNSIGNED_LONG;
    }

    /** Whether volatile reads and release writes are generated. */
    boolean hasAtomicAccess() {
        return this != RAW && this != BOOLEAN;
    }

    static JavaScalar of(Scalar s) {
        return switch (s) {
            case BOOL -> BOOLEAN;
            case CHAR, SCHAR, UCHAR, INT8, UINT8 -> BYTE;
            case SHORT, USHORT, INT16, UINT16 -> SHORT;
            case INT, UINT, INT32, UINT32 -> INT;
            case WCHAR -> UNSIGNED_INT;
            case LONG, LONG_LONG, ULONG_LONG, INT64, UINT64, INTPTR, SSIZE, PTRDIFF -> LONG;
            case ULONG, UINTPTR, SIZE -> UNSIGNED_LONG;
            case FLOAT -> FLOAT;
            case DOUBLE -> DOUBLE;
            case LONG_DOUBLE -> RAW;
        };
    }

    /** Pointers are addresses: a {@code long}, zero-extended where the target's pointers are 32-bit. */
    static JavaScalar pointer() {
        return UNSIGNED_LONG;
    }
}
