package org.abilayout.abitests.java;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.GccToolchain;
import org.abilayout.arch.Target;
import org.abilayout.runtime.HostTarget;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.Tools;

/**
 * A catalogue target's GCC ({@link Target#gcc()}) and, for a target other than the host, the
 * qemu-user emulator that runs its static binaries. A missing tool skips the test (fails it under
 * {@code ABILAYOUT_REQUIRE_TOOLS=1}) with the Debian package to install.
 *
 * @param target the catalogue target
 * @param gcc its GCC and emulator
 * @param emulated whether its programs run under qemu-user (every target but the host's)
 */
record Toolchain(Target target, GccToolchain gcc, boolean emulated) {

    /** Two minutes: a compile or an emulated run takes seconds; a hung qemu is killed. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final Optional<Target> HOST = HostTarget.resolve(System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""), ValueLayout.ADDRESS.byteSize(), ByteOrder.nativeOrder());

    /** The toolchain of the machine the tests run on, if the catalogue states one for it. */
    static Optional<Toolchain> host() {
        return HOST.flatMap(t -> t.gcc().map(g -> new Toolchain(t, g, false)));
    }

    /** Every other catalogue target with a GCC toolchain, run under qemu-user. */
    static List<Toolchain> cross() {
        return Catalogue.all().stream().filter(t -> t.gcc().isPresent() && !HOST.equals(Optional.of(t)))
                .map(t -> new Toolchain(t, t.gcc().get(), true)).toList();
    }

    /** The toolchain of a catalogue target by name (the host's, if it is the host). */
    static Toolchain of(String target) {
        return host().filter(h -> h.target().name().equals(target))
                .or(() -> cross().stream().filter(t -> t.target().name().equals(target)).findFirst())
                .orElseThrow(() -> new AssertionError("no GCC toolchain for " + target + " in the catalogue"));
    }

    /** Where a missing tool is said: the host's toolchain, when there is none, is a skip too. */
    static Toolchain requireHost() {
        return host().orElseGet(() -> org.junit.jupiter.api.Assumptions.abort(
                "the host is no catalogue target with a GCC toolchain (" + HostTarget.describe() + ")"));
    }

    /** Compiles {@code source} to an executable (static for emulated targets), failing the test on error. */
    Path compile(String source, Path dir, String name) throws IOException {
        Tools.require(gcc.cc());
        if (emulated) Tools.require(gcc.qemu());
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path exe = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(gcc.cc().executable(), "-std=gnu11", "-O1", "-Wall", "-Werror",
                "-Wno-unused-variable"));
        if (emulated) cmd.add("-static");
        // 8-byte _Atomic on 32-bit m68k and mips are library calls
        cmd.addAll(List.of("-o", exe.toString(), c.toString(), "-latomic"));
        ProcessResult r = ProcessRunner.of(cmd).mergeErrors().timeout(TIMEOUT).run();
        if (!r.ok()) fail(gcc.cc() + " failed for " + target.name() + ":\n" + r.output() + "\n--- source " + c);
        return exe;
    }

    /** The command that runs a program built by {@link #compile} (under qemu for a foreign target). */
    ProcessRunner command(Path exe, String... args) {
        List<String> cmd = new ArrayList<>();
        if (emulated) cmd.add(gcc.qemu().executable());
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        return ProcessRunner.of(cmd).mergeErrors().timeout(TIMEOUT);
    }

    /** Runs a program built by {@link #compile} to its end. */
    ProcessResult execute(Path exe, String... args) {
        return command(exe, args).run();
    }
}
