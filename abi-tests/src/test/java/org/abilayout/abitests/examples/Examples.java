package org.abilayout.abitests.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's {@code examples/} directory from the test's working directory. */
final class Examples {
    private Examples() {}

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples");
            if (Files.isDirectory(candidate.resolve("freebsd"))) return candidate;
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }
}
