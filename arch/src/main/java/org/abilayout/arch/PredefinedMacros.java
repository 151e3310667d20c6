package org.abilayout.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * How C source tells the catalogue's platforms apart: preprocessor conditions over the macros
 * GCC, clang and (for the Windows targets) MSVC predefine. The per-cpu and per-system macros are
 * stated with {@link Cpu} and {@link Os}; this class combines them into the condition that
 * identifies one target ({@link Target#macroCondition()}) and into the meaning of each
 * {@code @if} atom, which the C header generator translates predicates with. abi-tests proves
 * both with the real compilers.
 *
 * <p>The data models are spelled by what they are, not by one macro: {@code ilp32} is
 * "pointers and {@code long} are 32-bit", which holds on x32 and 32-bit Windows too. (The common
 * shortcut {@code #ifndef __LP64__} is wrong on 64-bit Windows, where LLP64 has no
 * {@code __LP64__}.) MSVC predefines no byte-order macro: every MSVC target is little-endian.
 */
public final class PredefinedMacros {
    private PredefinedMacros() {}

    /** True on big-endian GCC/clang targets; {@code defined} first, as undefined macros are 0 in {@code #if}. */
    private static final String BIG_ENDIAN_GNU = "(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)";
    private static final String LITTLE_ENDIAN_GNU = "(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)";

    /**
     * The condition that holds exactly when compiling for a target of these properties. Every
     * Unix-like condition names the cpu, the operating system, the data model ({@code __LP64__},
     * which tells x86_64 from x32 and keeps ILP32 variants such as MIPS n32 or arm64_32 out) and
     * the byte order. The MSVC targets require {@code _MSC_VER}, so MinGW, whose ABI differs
     * ({@code long double}), is not mistaken for them.
     */
    public static String identify(Cpu cpu, Os os, DataModel model, Endian endian, RecordAbi abi) {
        List<String> parts = new ArrayList<>();
        if (abi == RecordAbi.MSVC) {
            if (os != Os.WINDOWS || endian != Endian.LITTLE) {
                throw new IllegalArgumentException("MSVC targets are little-endian Windows, not " + os + "/" + endian);
            }
            parts.add("defined(_MSC_VER)");
            parts.add(os.condition());
            parts.add(cpu.msvcCondition().orElseThrow(() -> new IllegalArgumentException("MSVC does not target " + cpu)));
            parts.add(model == DataModel.LLP64 ? "defined(_WIN64)" : "!defined(_WIN64)");
        } else {
            parts.add(cpu.gnuCondition());
            parts.add(os.condition());
            parts.add(model == DataModel.LP64 ? "defined(__LP64__)" : "!defined(__LP64__)");
            parts.add(endian == Endian.BIG ? BIG_ENDIAN_GNU : LITTLE_ENDIAN_GNU);
        }
        return String.join(" && ", parts);
    }

    /** {@code arch(cpu)}: the cpu under GCC/clang or, where MSVC targets it, under MSVC. */
    public static String arch(Cpu cpu) {
        return cpu.msvcCondition().map(msvc -> "(" + cpu.gnuCondition() + " || " + group(msvc) + ")")
                .orElseGet(() -> group(cpu.gnuCondition()));
    }

    /** {@code os(name)}. */
    public static String os(Os os) {
        return os.condition();
    }

    /** {@code lp64}, {@code ilp32}, {@code llp64}. */
    public static String dataModel(DataModel model) {
        return switch (model) {
            case LP64 -> "(defined(__LP64__) || defined(_LP64))";
            case ILP32 -> "((defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 4 && __SIZEOF_LONG__ == 4)"
                    + " || (defined(_WIN32) && !defined(_WIN64)))";
            case LLP64 -> "defined(_WIN64)";
        };
    }

    /** {@code big_endian}, {@code little_endian}. */
    public static String endian(Endian endian) {
        return switch (endian) {
            case BIG -> BIG_ENDIAN_GNU;
            case LITTLE -> "(defined(_MSC_VER) || " + LITTLE_ENDIAN_GNU + ")";
        };
    }

    /** Parenthesised unless it is one {@code defined(...)}. */
    private static String group(String condition) {
        return condition.matches("defined\\([A-Za-z0-9_]+\\)") ? condition : "(" + condition + ")";
    }
}
