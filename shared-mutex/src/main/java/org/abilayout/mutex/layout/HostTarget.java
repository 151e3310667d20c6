package org.abilayout.mutex.layout;

import java.nio.ByteOrder;
import java.util.Locale;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;

/**
 * The catalogue target this JVM runs on, from {@code os.name} and {@code os.arch}.
 *
 * <p>Temporary: host target detection belongs to {@code runtime} (see DESIGN.md), which does not
 * have it yet; this class goes when it does.
 */
final class HostTarget {
    private HostTarget() {}

    static Target get() {
        String name = name(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN);
        return Catalogue.byName(name).orElseThrow(() -> new UnsupportedOperationException(
                "no abilayout target for os.name=" + System.getProperty("os.name") + " os.arch="
                        + System.getProperty("os.arch") + " (tried " + name + ")"));
    }

    static String name(String osName, String osArch, boolean bigEndian) {
        String os = osName.toLowerCase(Locale.ROOT);
        String cpu = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "aarch64", "arm64" -> bigEndian ? "aarch64_be" : "aarch64";
            default -> osArch;
        };
        if (os.startsWith("linux")) {
            return switch (cpu) {
                case "arm" -> bigEndian ? "armeb-linux-gnueabi" : "arm-linux-gnueabihf";
                case "mips64", "mips64el" -> cpu + "-linux-gnuabi64";
                default -> cpu + "-linux-gnu";
            };
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) return cpu + "-apple-darwin";
        if (os.startsWith("windows")) return cpu + "-windows-msvc";
        if (os.startsWith("freebsd")) return cpu + "-freebsd";
        return cpu + "-" + os;
    }
}
