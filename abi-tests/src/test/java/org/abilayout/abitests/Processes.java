package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools the tests drive (compilers, abidiff): output and exit code, a bounded
 * wait, and a missing tool that fails the test naming its Debian package, never a skip.
 */
public final class Processes {
    private Processes() {}

    /** Exit code and the merged stdout and stderr. */
    public record Result(int exitCode, String output) {}

    public static Result run(List<String> cmd, Path dir, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static void require(String tool, String debianPackage) {
        if (!onPath(tool)) {
            fail(tool + " is not installed; install the Debian package " + debianPackage + " (apt-get install "
                    + debianPackage + ")");
        }
    }

    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
