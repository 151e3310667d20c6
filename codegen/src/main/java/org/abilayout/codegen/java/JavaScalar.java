package org.abilayout.codegen.java;

import com.palantir.javapoet.TypeName;
import org.abilayout.arch.Scalar;

/**
 * The Java type of a C scalar in generated accessors, the same on every target. Each constant
 * names the {@code org.abilayout.runtime.Carrier} that adapts a target's storage to it (the
 * abi-tests compile generated code for a spec using every scalar, so a name missing from the
 * runtime fails there); {@link #RAW} has no carrier: {@code long double} is
 * handed out as a slice of its bytes, since Java has no type for x87, quad or double-double.
 */
enum JavaScalar {
    BOOLEAN(TypeName.BOOLEAN, "BOOLEAN"),
    BYTE(TypeName.BYTE, "BYTE"),
    SHORT(TypeName.SHORT, "SHORT"),
    INT(TypeName.INT, "INT"),
    UNSIGNED_INT(TypeName.INT, "UNSIGNED_INT"),
    LONG(TypeName.LONG, "LONG"),
    UNSIGNED_LONG(TypeName.LONG, "UNSIGNED_LONG"),
    FLOAT(TypeName.FLOAT, "FLOAT"),
    DOUBLE(TypeName.DOUBLE, "DOUBLE"),
    RAW(null, null);

    private final TypeName type;
    private final String carrier;

    JavaScalar(TypeName type, String carrier) {
        this.type = type;
        this.carrier = carrier;
    }

    TypeName type() {
        return type;
    }

    /** The name of the runtime {@code Carrier} constant. */
    String carrier() {
        return carrier;
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
