package org.abilayout.arch;

/**
 * The family of struct layout rules a target's C compiler follows. Without bitfields the two
 * families place members the same way; they differ in how packing interacts with explicit
 * alignment and in what the generated headers must spell ({@code #pragma pack} and
 * {@code __declspec(align)} for MSVC, attributes for the others).
 */
public enum RecordAbi {
    /** GCC/Itanium-style record layout (every Unix-like target). */
    SYSV,
    /** Microsoft record layout (the {@code *-windows-msvc} targets). */
    MSVC
}
