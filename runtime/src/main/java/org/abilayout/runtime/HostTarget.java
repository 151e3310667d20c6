package org.abilayout.runtime;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Target;

/**
 * Which catalogue target the running JVM is: from {@code os.name}, {@code os.arch}, the pointer
 * size ({@code ValueLayout.ADDRESS.byteSize()}) and the native byte order. Linux is assumed to
 * use its GNU ABI names (glibc and musl lay out structs alike), Windows the MSVC ABI.
 */
public final class HostTarget {
    private HostTarget() {}

    private static final Optional<Target> CURRENT = resolve(System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""), ValueLayout.ADDRESS.byteSize(), ByteOrder.nativeOrder());

    /** The running platform's target, or throws {@link UnsupportedTargetException} naming it. */
    public static Target current() {
        return CURRENT.orElseThrow(() -> new UnsupportedTargetException("this platform (" + describe() + ") is not a "
                + "catalogue target; supported: " + String.join(", ", Catalogue.all().stream().map(Target::name).toList())));
    }

    /**
     * The running platform's target if it is one of {@code supported} (the targets a class was
     * generated for); else throws {@link UnsupportedTargetException} naming the host and them.
     */
    public static Target requireOneOf(List<String> supported, String type) {
        Target t = current();
        if (!supported.contains(t.name())) {
            throw new UnsupportedTargetException(type + " was not generated for this platform (" + t.name() + ", "
                    + describe() + "); generated for: " + String.join(", ", supported));
        }
        return t;
    }

    /** {@code os.name/os.arch, N-bit pointers, byte order}, for messages. */
    public static String describe() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ", "
                + ValueLayout.ADDRESS.byteSize() * 8 + "-bit pointers, " + ByteOrder.nativeOrder();
    }

    /**
     * The catalogue target of a platform described as the JVM describes it, if there is one whose
     * pointer size and byte order agree.
     */
    public static Optional<Target> resolve(String osName, String osArch, long pointerBytes, ByteOrder order) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean big = order == ByteOrder.BIG_ENDIAN;
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "aarch64", "arm64" -> "aarch64";
            case "arm", "armv7l", "armv7", "aarch32" -> "arm";
            case "ppc", "powerpc" -> "powerpc";
            case "ppc64", "ppc64le", "powerpc64", "powerpc64le" -> "powerpc64";
            case "s390x" -> "s390x";
            case "mips", "mipsel" -> "mips";
            case "mips64", "mips64el" -> "mips64";
            case "riscv64" -> "riscv64";
            case "riscv32" -> "riscv32";
            case "loongarch64" -> "loongarch64";
            case "sparcv9", "sparc64" -> "sparc64";
            case "m68k" -> "m68k";
            default -> "";
        };
        String name;
        if (os.startsWith("linux")) {
            name = switch (cpu) {
                case "x86_64" -> pointerBytes == 4 ? "x86_64-linux-gnux32" : "x86_64-linux-gnu";
                case "aarch64" -> big ? "aarch64_be-linux-gnu" : "aarch64-linux-gnu";
                case "arm" -> big ? "armeb-linux-gnueabi" : "arm-linux-gnueabihf";
                case "powerpc64" -> big ? "powerpc64-linux-gnu" : "powerpc64le-linux-gnu";
                case "mips" -> big ? "mips-linux-gnu" : "mipsel-linux-gnu";
                case "mips64" -> big ? "mips64-linux-gnuabi64" : "mips64el-linux-gnuabi64";
                case "" -> "";
                default -> cpu + "-linux-gnu";
            };
        } else if (os.startsWith("windows")) {
            name = cpu.isEmpty() ? "" : cpu + "-windows-msvc";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            name = cpu.isEmpty() ? "" : cpu + "-apple-darwin";
        } else if (os.startsWith("freebsd")) {
            name = switch (cpu) {
                case "arm" -> "armv7-freebsd-gnueabihf";
                case "powerpc64" -> big ? "powerpc64-freebsd" : "powerpc64le-freebsd";
                case "" -> "";
                default -> cpu + "-freebsd";
            };
        } else {
            name = "";
        }
        return Catalogue.byName(name).filter(t -> t.pointerBytes() == pointerBytes
                && t.endian() == (big ? Endian.BIG : Endian.LITTLE)
                && (t.dataModel() == DataModel.ILP32) == (pointerBytes == 4));
    }
}
