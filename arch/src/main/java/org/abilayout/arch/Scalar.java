package org.abilayout.arch;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scalar (arithmetic) types of the spec language, each with its canonical C spelling and the
 * storage class that fixes its size and alignment on a target. Pointers are not scalars here: the
 * layout engine treats them separately.
 */
public enum Scalar {
    BOOL("_Bool", Storage.BOOL, Kind.BOOL, false),
    CHAR("char", Storage.CHAR, Kind.CHAR, false),
    SCHAR("signed char", Storage.CHAR, Kind.SIGNED, false),
    UCHAR("unsigned char", Storage.CHAR, Kind.UNSIGNED, false),
    SHORT("short", Storage.SHORT, Kind.SIGNED, false),
    USHORT("unsigned short", Storage.SHORT, Kind.UNSIGNED, false),
    INT("int", Storage.INT, Kind.SIGNED, false),
    UINT("unsigned int", Storage.INT, Kind.UNSIGNED, false),
    LONG("long", Storage.LONG, Kind.SIGNED, false),
    ULONG("unsigned long", Storage.LONG, Kind.UNSIGNED, false),
    LONG_LONG("long long", Storage.LONG_LONG, Kind.SIGNED, false),
    ULONG_LONG("unsigned long long", Storage.LONG_LONG, Kind.UNSIGNED, false),
    INT8("int8_t", Storage.CHAR, Kind.SIGNED, true),
    UINT8("uint8_t", Storage.CHAR, Kind.UNSIGNED, true),
    INT16("int16_t", Storage.SHORT, Kind.SIGNED, true),
    UINT16("uint16_t", Storage.SHORT, Kind.UNSIGNED, true),
    INT32("int32_t", Storage.INT, Kind.SIGNED, true),
    UINT32("uint32_t", Storage.INT, Kind.UNSIGNED, true),
    INT64("int64_t", Storage.LONG_LONG, Kind.SIGNED, true),
    UINT64("uint64_t", Storage.LONG_LONG, Kind.UNSIGNED, true),
    INTPTR("intptr_t", Storage.POINTER, Kind.SIGNED, true),
    UINTPTR("uintptr_t", Storage.POINTER, Kind.UNSIGNED, true),
    SIZE("size_t", Storage.POINTER, Kind.UNSIGNED, true),
    SSIZE("ssize_t", Storage.POINTER, Kind.SIGNED, true),
    PTRDIFF("ptrdiff_t", Storage.POINTER, Kind.SIGNED, true),
    WCHAR("wchar_t", Storage.WCHAR, Kind.CHAR, true),
    FLOAT("float", Storage.FLOAT, Kind.FLOAT, false),
    DOUBLE("double", Storage.DOUBLE, Kind.FLOAT, false),
    LONG_DOUBLE("long double", Storage.LONG_DOUBLE, Kind.FLOAT, false);

    /** What values a scalar holds; {@link #CHAR} is signed or not depending on the target. */
    public enum Kind { BOOL, CHAR, SIGNED, UNSIGNED, FLOAT }

    private final String spelling;
    private final Storage storage;
    private final Kind kind;
    private final boolean typedefName;

    Scalar(String spelling, Storage storage, Kind kind, boolean typedefName) {
        this.spelling = spelling;
        this.storage = storage;
        this.kind = kind;
        this.typedefName = typedefName;
    }

    /** The canonical C spelling, e.g. {@code unsigned long long} or {@code uint32_t}. */
    public String spelling() {
        return spelling;
    }

    public Storage storage() {
        return storage;
    }

    public Kind kind() {
        return kind;
    }

    /** True for names that C spells through a standard typedef ({@code <stdint.h>}, {@code <stddef.h>}). */
    public boolean isTypedefName() {
        return typedefName;
    }

    public boolean isInteger() {
        return kind != Kind.FLOAT;
    }

    private static final Map<String, Scalar> BY_TYPEDEF_NAME = Stream.of(values())
            .filter(Scalar::isTypedefName)
            .collect(Collectors.toUnmodifiableMap(Scalar::spelling, Function.identity()));

    /** The scalar a standard typedef name ({@code uint32_t}, {@code size_t}, ...) denotes. */
    public static Optional<Scalar> byTypedefName(String name) {
        return Optional.ofNullable(BY_TYPEDEF_NAME.get(name));
    }
}
