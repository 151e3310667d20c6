package org.abilayout.arch;

/**
 * The storage classes a target assigns a size and an in-struct alignment to. Every C scalar type
 * of the spec language maps onto one of these (see {@link Scalar#storage()}): {@code int32_t} is
 * stored as {@code int}, {@code size_t} as a pointer-sized integer, and so on.
 */
public enum Storage {
    BOOL, CHAR, SHORT, INT, LONG, LONG_LONG, POINTER, WCHAR, FLOAT, DOUBLE, LONG_DOUBLE
}
