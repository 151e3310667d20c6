package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting the Java and C children of the cross-process tests, and waiting for them with a bound. */
final class Processes {
    private Processes() {}

    private static Path tool;

    /** A JVM running {@link ChildProcess} with this test's class path. */
    static Process java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ChildProcess.class.getName()));
        cmd.addAll(List.of(args));
        return start(cmd);
    }

    /** The C test tool (built once per test JVM with the host gcc). */
    static Process c(String... args) {
        List<String> cmd = new ArrayList<>(List.of(cTool().toString()));
        cmd.addAll(List.of(args));
        return start(cmd);
    }

    static synchronized Path cTool() {
        if (tool != null) return tool;
        Path main = Path.of(System.getProperty("shared.mutex.c.main", "src/main/c"));
        Path test = Path.of(System.getProperty("shared.mutex.c.test", "src/test/c"));
        Path out = Path.of(System.getProperty("shared.mutex.build", "target"), "c", "mutex_tool");
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // org_abilayout_mutex.h, generated from the spec at generate-sources
        Path header = Path.of(System.getProperty("shared.mutex.c.generated", "target/generated-sources/abilayout/c"));
        Process gcc = start(List.of("gcc", "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-I", header.toString(),
                "-I", main.toString(),
                main.resolve("shared_mutex.c").toString(), test.resolve("mutex_tool.c").toString(), "-o", out.toString()));
        String log = finish(gcc, 60, "gcc");
        assertEquals(0, gcc.exitValue(), "gcc failed:\n" + log);
        tool = out;
        return tool;
    }

    private static Process start(List<String> cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits at most {@code seconds} for {@code p}; kills it and fails the test when it overruns. */
    static String finish(Process p, long seconds, String what) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(what + " did not finish within " + seconds + " s (a deadlock or a lost wake-up); output:\n"
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for every process, sharing one deadline; returns their outputs in order. */
    static List<String> finishAll(List<Process> ps, long seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; i < ps.size(); i++) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
                String o = finish(ps.get(i), left, what + " #" + i);
                assertEquals(0, ps.get(i).exitValue(), what + " #" + i + " failed:\n" + o);
                out.add(o.strip());
            }
        } finally {
            ps.forEach(Process::destroyForcibly);
        }
        return out;
    }
}
