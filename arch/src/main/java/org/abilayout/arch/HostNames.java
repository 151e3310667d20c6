package org.abilayout.arch;

import java.util.List;
import java.util.Locale;

/**
 * What the JVM calls a target's platform: the lower-cased prefixes of {@code os.name} and the
 * values of {@code os.arch}. The pointer size and byte order, which tell x32 from x86_64 and
 * armeb from arm, are the target's own {@link Target#pointerBytes()} and {@link Target#endian()}.
 *
 * @param osNamePrefixes {@code linux}, {@code mac}, {@code windows}, ...
 * @param osArchNames {@code amd64}, {@code x86_64}, {@code ppc64le}, ...
 */
public record HostNames(List<String> osNamePrefixes, List<String> osArchNames) {
    public HostNames {
        osNamePrefixes = List.copyOf(osNamePrefixes);
        osArchNames = List.copyOf(osArchNames);
    }

    /** The JVM's names of a cpu on an operating system. */
    public static HostNames of(Cpu cpu, Os os) {
        return new HostNames(os.jvmNamePrefixes(), cpu.jvmArchNames());
    }

    /** Whether {@code os.name} and {@code os.arch} (any case) name this platform. */
    public boolean matches(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        return osNamePrefixes.stream().anyMatch(name::startsWith) && osArchNames.contains(arch);
    }
}
