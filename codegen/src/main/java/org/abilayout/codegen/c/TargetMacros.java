package org.abilayout.codegen.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.RecordAbi;
import org.abilayout.arch.Target;

/**
 * How a C compiler tells which catalogue target it compiles for: one condition over predefined
 * macros per target, true for exactly that target. The conditions use only what GCC, clang and
 * (for the Windows targets) MSVC itself predefine; clang-19 {@code -target NAME} and
 * {@code m68k-linux-gnu-gcc} prove in abi-tests that every catalogue target matches exactly one.
 *
 * <p>Every Unix-like condition names the cpu, the operating system, the data model
 * ({@code __LP64__}, which is what tells x86_64 from x32 and keeps ILP32 variants such as MIPS
 * n32 or arm64_32 out) and the byte order. The MSVC targets require {@code _MSC_VER}, so MinGW,
 * whose ABI differs ({@code long double}), is not mistaken for them.
 */
public final class TargetMacros {
    private TargetMacros() {}

    /** {@code PREFIX_TARGET_X86_64_LINUX_GNU}: the macro the identification block defines for a target. */
    public static String macro(String prefix, String targetName) {
        return prefix + "_TARGET_" + sanitise(targetName);
    }

    /** A C identifier fragment: letters and digits upper-cased, everything else an underscore. */
    public static String sanitise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The preprocessor condition that holds exactly when compiling for {@code target}. */
    public static String condition(Target target) {
        List<String> parts = new ArrayList<>();
        if (target.recordAbi() == RecordAbi.MSVC) {
            parts.add("defined(_MSC_VER)");
            parts.add("defined(_WIN32)");
            parts.add(switch (target.cpu()) {
                case "x86_64" -> "defined(_M_X64) && !defined(_M_ARM64EC)";
                case "i386" -> "defined(_M_IX86)";
                case "aarch64" -> "defined(_M_ARM64)";
                default -> throw new IllegalArgumentException("no MSVC identification for cpu " + target.cpu());
            });
            parts.add(target.dataModel() == DataModel.LLP64 ? "defined(_WIN64)" : "!defined(_WIN64)");
            return String.join(" && ", parts);
        }
        parts.add(cpu(target.cpu()));
        parts.add(switch (target.os()) {
            case "linux" -> "defined(__linux__)";
            case "freebsd" -> "defined(__FreeBSD__)";
            case "darwin" -> "defined(__APPLE__)";
            default -> throw new IllegalArgumentException("no identification for os " + target.os());
        });
        parts.add(target.dataModel() == DataModel.LP64 ? "defined(__LP64__)" : "!defined(__LP64__)");
        parts.add(target.endian() == Endian.BIG ? CPredicates.BIG_ENDIAN : CPredicates.LITTLE_ENDIAN_GNU);
        return String.join(" && ", parts);
    }

    private static String cpu(String cpu) {
        return switch (cpu) {
            case "x86_64" -> "defined(__x86_64__)";
            case "i386" -> "defined(__i386__)";
            case "aarch64" -> "defined(__aarch64__)";
            case "arm" -> "defined(__arm__)";
            case "mips" -> "defined(__mips__) && !defined(__mips64)";
            case "mips64" -> "defined(__mips64)";
            case "powerpc" -> "defined(__powerpc__) && !defined(__powerpc64__)";
            case "powerpc64" -> "defined(__powerpc64__)";
            case "riscv32" -> "defined(__riscv) && __riscv_xlen == 32";
            case "riscv64" -> "defined(__riscv) && __riscv_xlen == 64";
            case "s390x" -> "defined(__s390x__)";
            case "loongarch64" -> "defined(__loongarch64)";
            case "sparc64" -> "defined(__sparc__) && defined(__arch64__)";
            case "m68k" -> "defined(__m68k__)";
            default -> throw new IllegalArgumentException("no identification for cpu " + cpu);
        };
    }
}
