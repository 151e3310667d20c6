package org.abilayout.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the specs under a directory by Ant-style includes and excludes, in a stable order. */
final class SpecFiles {
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.layout");

    private SpecFiles() {}

    /** The matching regular files, sorted by relative path; none when the directory is missing. */
    static List<SpecFile> find(Path directory, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(directory)) return List.of();
        List<AntPattern> in = (includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes)
                .stream().map(AntPattern::of).toList();
        List<AntPattern> out = (excludes == null ? List.<String>of() : excludes).stream().map(AntPattern::of).toList();
        Path root = directory.toAbsolutePath().normalize();
        List<SpecFile> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (AntPattern.anyMatches(in, rel) && !AntPattern.anyMatches(out, rel)) found.add(new SpecFile(p, rel));
            }
        }
        found.sort((a, b) -> a.relative().compareTo(b.relative()));
        return List.copyOf(found);
    }
}
