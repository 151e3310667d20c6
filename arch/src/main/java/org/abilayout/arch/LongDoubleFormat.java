package org.abilayout.arch;

/** What a target's {@code long double} is. */
public enum LongDoubleFormat {
    /** The same as double (MSVC, 32-bit ARM, MIPS o32, Apple arm64, FreeBSD powerpc64). */
    IEEE_DOUBLE("IEEE binary64 (same as double)"),
    /** x87 80-bit extended precision, padded to 12 or 16 bytes. */
    X87_EXTENDED("x87 80-bit extended"),
    /** m68k/68881 96-bit extended precision (80 significant bits in 12 bytes). */
    M68K_EXTENDED("m68k 96-bit extended"),
    /** IEEE binary128 (quad), implemented in software on most targets. */
    IEEE_QUAD("IEEE binary128 (quad)"),
    /** IBM double-double: a pair of doubles (PowerPC Linux). */
    IBM_DOUBLE_DOUBLE("IBM double-double");

    private final String description;

    LongDoubleFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
