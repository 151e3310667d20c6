package org.abilayout.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.DebianTool;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find the external tools they drive, and what a missing one means. On a machine
 * with only a JDK a test that needs clang or qemu is skipped (a JUnit assumption) with a message
 * naming the Debian package to install; under {@value #REQUIRE_ENV}{@code =1}, which CI's
 * {@code .ci/run} sets after installing every package, a missing tool fails the test instead, so
 * that nothing CI is meant to prove can silently go unproven.
 *
 * @param path the directories searched, in order ({@code PATH})
 * @param missingFails whether a missing tool fails the test rather than skipping it
 */
public record ToolLookup(List<Path> path, boolean missingFails) {
    /** The environment variable that turns a missing tool from a skip into a failure. */
    public static final String REQUIRE_ENV = "ABILAYOUT_REQUIRE_TOOLS";

    public ToolLookup {
        path = List.copyOf(path);
    }

    /** {@code PATH} and {@value #REQUIRE_ENV} of this process. */
    public static ToolLookup environment() {
        return of(System.getenv("PATH"), "1".equals(System.getenv(REQUIRE_ENV)));
    }

    /** A {@code PATH}-style list of directories (empty entries mean the current directory). */
    public static ToolLookup of(String pathList, boolean missingFails) {
        List<Path> dirs = pathList == null ? List.of()
                : Arrays.stream(pathList.split(File.pathSeparator)).map(d -> Path.of(d.isEmpty() ? "." : d)).toList();
        return new ToolLookup(dirs, missingFails);
    }

    /** The tool's executable, if it is installed. */
    public Optional<Path> find(DebianTool tool) {
        return path.stream().map(d -> d.resolve(tool.executable())).filter(Files::isExecutable).findFirst();
    }

    /**
     * The tool's executable; if it is missing, the calling test is skipped or (under
     * {@value #REQUIRE_ENV}{@code =1}) fails, either way naming the package that provides it.
     */
    public Path require(DebianTool tool) {
        Optional<Path> found = find(tool);
        if (found.isPresent()) return found.get();
        String missing = tool.executable() + " is not installed (not on PATH): install the Debian package "
                + tool.debianPackage() + " (apt-get install " + tool.debianPackage() + ")";
        if (missingFails) {
            return Assertions.fail(missing + "; " + REQUIRE_ENV + "=1 makes a missing tool a failure");
        }
        return Assumptions.abort(missing + "; skipped (set " + REQUIRE_ENV + "=1 to fail instead)");
    }
}
