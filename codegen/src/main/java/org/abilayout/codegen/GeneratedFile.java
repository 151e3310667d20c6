package org.abilayout.codegen;

import java.util.Objects;

/**
 * A file an emitter produced, not yet written: what every generator returns, so that one writer
 * ({@link OutputFiles}) at the edge (the command line, the Maven plugin) puts them on disk.
 *
 * @param path where it goes, relative to the output directory, with {@code /} between directories
 * @param content the whole text, UTF-8 when written
 */
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(content);
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || java.util.Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("not a relative file path: " + path);
        }
    }
}
