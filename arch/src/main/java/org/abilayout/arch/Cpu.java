package org.abilayout.arch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The instruction set families of the catalogue, with what each compiler and the JVM call them.
 * Byte order and data model are separate properties of a target: {@code arch(mips)} holds on
 * {@code mips-linux-gnu} and {@code mipsel-linux-gnu} alike, {@code arch(x86_64)} on x32 too.
 */
public enum Cpu {
    X86_64("x86_64", "defined(__x86_64__)", "defined(_M_X64) && !defined(_M_ARM64EC)", "amd64", "x86_64"),
    I386("i386", "defined(__i386__)", "defined(_M_IX86)", "x86", "i386", "i486", "i586", "i686"),
    ARM("arm", "defined(__arm__)", "defined(_M_ARM)", "arm", "armv7l", "armv7", "aarch32"),
    AARCH64("aarch64", "defined(__aarch64__)", "defined(_M_ARM64)", "aarch64", "arm64"),
    MIPS("mips", "defined(__mips__) && !defined(__mips64)", null, "mips", "mipsel"),
    MIPS64("mips64", "defined(__mips64)", null, "mips64", "mips64el"),
    POWERPC("powerpc", "defined(__powerpc__) && !defined(__powerpc64__)", null, "ppc", "powerpc"),
    POWERPC64("powerpc64", "defined(__powerpc64__)", null, "ppc64", "ppc64le", "powerpc64", "powerpc64le"),
    RISCV32("riscv32", "defined(__riscv) && __riscv_xlen == 32", null, "riscv32"),
    RISCV64("riscv64", "defined(__riscv) && __riscv_xlen == 64", null, "riscv64"),
    S390X("s390x", "defined(__s390x__)", null, "s390x"),
    LOONGARCH64("loongarch64", "defined(__loongarch64)", null, "loongarch64"),
    SPARC64("sparc64", "defined(__sparc__) && defined(__arch64__)", null, "sparcv9", "sparc64"),
    M68K("m68k", "defined(__m68k__)", null, "m68k");

    private final String specName;
    private final String gnuCondition;
    private final Optional<String> msvcCondition;
    private final List<String> jvmArchNames;

    Cpu(String specName, String gnuCondition, String msvcCondition, String... jvmArchNames) {
        this.specName = specName;
        this.gnuCondition = gnuCondition;
        this.msvcCondition = Optional.ofNullable(msvcCondition);
        this.jvmArchNames = List.of(jvmArchNames);
    }

    /** The name {@code arch(...)} predicates use: {@code x86_64}, {@code powerpc64}, ... */
    public String specName() {
        return specName;
    }

    /** The preprocessor condition, over GCC's and clang's predefined macros, that holds on this cpu. */
    public String gnuCondition() {
        return gnuCondition;
    }

    /** The same over MSVC's predefined macros, where MSVC targets this cpu. */
    public Optional<String> msvcCondition() {
        return msvcCondition;
    }

    /** The values of the JVM's {@code os.arch} on this cpu (lower case), either byte order. */
    public List<String> jvmArchNames() {
        return jvmArchNames;
    }

    /** The cpu an {@code arch(...)} name denotes. */
    public static Optional<Cpu> bySpecName(String name) {
        return Arrays.stream(values()).filter(c -> c.specName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return specName;
    }
}
