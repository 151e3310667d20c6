package org.abilayout.abitests.java;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A C compiler for one catalogue target and, for a foreign architecture, the qemu-user emulator
 * that runs its static binaries. A missing tool fails the test with the Debian package to install.
 *
 * @param target the catalogue target
 * @param compiler the GCC driver
 * @param compilerPackage the Debian package that provides it
 * @param emulator the qemu-user binary; empty for the host
 */
record Toolchain(String target, String compiler, String compilerPackage, Optional<String> emulator) {

    static final Toolchain HOST = new Toolchain("x86_64-linux-gnu", "gcc", "gcc", Optional.empty());

    /** The cross targets the suite proves, each with a Debian cross compiler and qemu-user. */
    static final List<Toolchain> CROSS = List.of(
            cross("s390x-linux-gnu", "s390x-linux-gnu", "s390x"),
            cross("i386-linux-gnu", "i686-linux-gnu", "i386"),
            cross("arm-linux-gnueabihf", "arm-linux-gnueabihf", "arm"),
            cross("aarch64-linux-gnu", "aarch64-linux-gnu", "aarch64"),
            cross("m68k-linux-gnu", "m68k-linux-gnu", "m68k"),
            cross("mips-linux-gnu", "mips-linux-gnu", "mips"),
            cross("powerpc64le-linux-gnu", "powerpc64le-linux-gnu", "ppc64le"),
            cross("riscv64-linux-gnu", "riscv64-linux-gnu", "riscv64"));

    private static Toolchain cross(String target, String gnuTriple, String qemu) {
        return new Toolchain(target, gnuTriple + "-gcc", "gcc-" + gnuTriple, Optional.of("qemu-" + qemu));
    }

    /** Compiles {@code source} to an executable (static for emulated targets), failing the test on error. */
    Path compile(String source, Path dir, String name) throws IOException, InterruptedException {
        require(compiler, compilerPackage);
        emulator.ifPresent(e -> require(e, "qemu-user"));
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path exe = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(compiler, "-std=gnu11", "-O1", "-Wall", "-Werror", "-Wno-unused-variable"));
        if (emulator.isPresent()) cmd.add("-static");
        // 8-byte _Atomic on 32-bit m68k and mips are library calls
        cmd.addAll(List.of("-o", exe.toString(), c.toString(), "-latomic"));
        Result r = run(cmd);
        if (r.code != 0) fail(compiler + " failed for " + target + ":\n" + r.output + "\n--- source " + c);
        return exe;
    }

    /** Runs a program built by {@link #compile} (under qemu for a foreign target). */
    Result execute(Path exe, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        emulator.ifPresent(cmd::add);
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    record Result(int code, String output) {}

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return;
        }
        fail(tool + " is not installed: apt-get install -y " + debianPackage);
    }
}
