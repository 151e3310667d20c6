package org.abilayout.arch;

/** The C data model of a target: the sizes of {@code int}, {@code long} and pointers. */
public enum DataModel {
    /** int, long and pointers are 32-bit (i386, arm, x32, ...). */
    ILP32,
    /** long and pointers are 64-bit, int is 32-bit (every 64-bit Unix). */
    LP64,
    /** long is 32-bit, long long and pointers are 64-bit (64-bit Windows). */
    LLP64;

    /** The predicate name used in specs: {@code ilp32}, {@code lp64}, {@code llp64}. */
    public String predicateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
