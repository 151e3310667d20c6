package org.abilayout.arch;

import java.util.Objects;

/**
 * A Linux target's own GCC as Debian packages it, and the qemu-user emulator that runs what it
 * builds: the platform compiler where it is the reference ({@link Target.Reference#GCC}), a
 * second opinion elsewhere, and the C side of the cross-language tests.
 *
 * @param triple the GNU triple the drivers are prefixed with ({@code i686-linux-gnu}), which is
 *     not always the clang triple that names the target ({@code i386-linux-gnu})
 * @param cc the C compiler driver, {@code TRIPLE-gcc}
 * @param cxx the C++ compiler driver, {@code TRIPLE-g++}
 * @param qemu the qemu-user binary that runs the target's static executables on another host
 */
public record GccToolchain(String triple, DebianTool cc, DebianTool cxx, DebianTool qemu) {
    /** qemu-user provides every {@code qemu-ARCH} user-mode emulator. */
    public static final String QEMU_PACKAGE = "qemu-user";

    public GccToolchain {
        Objects.requireNonNull(triple);
        Objects.requireNonNull(cc);
        Objects.requireNonNull(cxx);
        Objects.requireNonNull(qemu);
    }

    /**
     * A Debian cross compiler: packages {@code gcc-TRIPLE} and {@code g++-TRIPLE}, with Debian's
     * spelling of the triple ({@code _} becomes {@code -}).
     */
    public static GccToolchain debianCross(String triple, String qemu) {
        String pkg = triple.replace('_', '-');
        return new GccToolchain(triple, new DebianTool(triple + "-gcc", "gcc-" + pkg),
                new DebianTool(triple + "-g++", "g++-" + pkg), new DebianTool(qemu, QEMU_PACKAGE));
    }

    /**
     * The build machine's own compiler under its triple-prefixed name, which Debian's plain
     * {@code gcc} and {@code g++} packages install ({@code x86_64-linux-gnu-gcc} on amd64, the
     * architecture CI runs on).
     */
    public static GccToolchain debianNative(String triple, String qemu) {
        return new GccToolchain(triple, new DebianTool(triple + "-gcc", "gcc"), new DebianTool(triple + "-g++", "g++"),
                new DebianTool(qemu, QEMU_PACKAGE));
    }
}
