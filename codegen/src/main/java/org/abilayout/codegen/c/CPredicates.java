package org.abilayout.codegen.c;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.abilayout.spec.predicate.Predicate;

/**
 * Translates {@code @if} predicates into preprocessor conditions that mean the same thing on
 * every catalogue target, using only macros the platform compilers predefine (GCC, clang, and
 * MSVC for the Windows targets). abi-tests proves each translation with the real compilers.
 *
 * <p>The data models are spelled by what they are, not by one macro: {@code ilp32} is
 * "pointers and {@code long} are 32-bit", which holds on x32 and 32-bit Windows too. (The
 * common shortcut {@code #ifndef __LP64__} is wrong on 64-bit Windows, where LLP64 has no
 * {@code __LP64__}.) MSVC predefines no byte-order macro: every MSVC target is little-endian.
 */
public final class CPredicates {
    /** True on big-endian GCC/clang targets; {@code defined} first, as undefined macros are 0 in {@code #if}. */
    static final String BIG_ENDIAN = "(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)";
    static final String LITTLE_ENDIAN_GNU = "(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)";

    private final Function<String, String> targetMacro;

    /**
     * @param targetMacro the identification macro of a target name, or empty if the header does
     *     not identify that target ({@code target(...)} is then false for it)
     */
    public CPredicates(Function<String, String> targetMacro) {
        this.targetMacro = targetMacro;
    }

    /** The condition for {@code p}, parenthesised where an operator needs it. */
    public String translate(Predicate p) {
        return switch (p) {
            case Predicate.IsDataModel m -> switch (m.model()) {
                case LP64 -> "(defined(__LP64__) || defined(_LP64))";
                case ILP32 -> "((defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 4 && __SIZEOF_LONG__ == 4)"
                        + " || (defined(_WIN32) && !defined(_WIN64)))";
                case LLP64 -> "defined(_WIN64)";
            };
            case Predicate.IsEndian e -> switch (e.endian()) {
                case BIG -> BIG_ENDIAN;
                case LITTLE -> "(defined(_MSC_VER) || " + LITTLE_ENDIAN_GNU + ")";
            };
            case Predicate.ArchIn a -> any(a.cpus(), CPredicates::cpu);
            case Predicate.OsIn o -> any(o.oses(), CPredicates::os);
            case Predicate.TargetIn t -> any(t.names(), n -> {
                String macro = targetMacro.apply(n);
                return macro.isEmpty() ? "0" : "defined(" + macro + ")";
            });
            case Predicate.Not n -> "!" + group(translate(n.operand()));
            case Predicate.And a -> a.operands().stream().map(this::translate).map(CPredicates::group)
                    .collect(Collectors.joining(" && ", "(", ")"));
            case Predicate.Or o -> o.operands().stream().map(this::translate).map(CPredicates::group)
                    .collect(Collectors.joining(" || ", "(", ")"));
        };
    }

    private static String any(List<String> names, Function<String, String> each) {
        if (names.size() == 1) return each.apply(names.getFirst());
        return names.stream().map(each).collect(Collectors.joining(" || ", "(", ")"));
    }

    /** Wraps a condition in parentheses unless it already is one primary expression. */
    private static String group(String c) {
        if (c.startsWith("defined(") && c.indexOf(')') == c.length() - 1) return c;
        if (c.startsWith("(") && balancedOuter(c)) return c;
        return "(" + c + ")";
    }

    private static boolean balancedOuter(String c) {
        int depth = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0 && i != c.length() - 1) return false;
        }
        return depth == 0;
    }

    static String cpu(String cpu) {
        return switch (cpu) {
            case "x86_64" -> "(defined(__x86_64__) || defined(_M_X64))";
            case "i386" -> "(defined(__i386__) || defined(_M_IX86))";
            case "aarch64" -> "(defined(__aarch64__) || defined(_M_ARM64))";
            case "arm" -> "(defined(__arm__) || defined(_M_ARM))";
            case "mips" -> "(defined(__mips__) && !defined(__mips64))";
            case "mips64" -> "defined(__mips64)";
            case "powerpc" -> "(defined(__powerpc__) && !defined(__powerpc64__))";
            case "powerpc64" -> "defined(__powerpc64__)";
            case "riscv32" -> "(defined(__riscv) && __riscv_xlen == 32)";
            case "riscv64" -> "(defined(__riscv) && __riscv_xlen == 64)";
            case "s390x" -> "defined(__s390x__)";
            case "loongarch64" -> "defined(__loongarch64)";
            case "sparc64" -> "(defined(__sparc__) && defined(__arch64__))";
            case "m68k" -> "defined(__m68k__)";
            default -> throw new IllegalArgumentException("no C spelling for arch(" + cpu + ")");
        };
    }

    static String os(String os) {
        return switch (os) {
            case "linux" -> "defined(__linux__)";
            case "freebsd" -> "defined(__FreeBSD__)";
            case "darwin" -> "defined(__APPLE__)";
            case "windows" -> "defined(_WIN32)";
            default -> throw new IllegalArgumentException("no C spelling for os(" + os + ")");
        };
    }
}
