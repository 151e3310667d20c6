package org.abilayout.maven;

import java.nio.file.Path;

/**
 * One spec found under the spec directory.
 *
 * @param path absolute path, the one diagnostics print
 * @param relative path below the spec directory with {@code /} separators: the stable name the
 *     incremental state keys on
 */
record SpecFile(Path path, String relative) {

    /** The lock next to the spec: {@code umtx.layout} is released as {@code umtx.layout.lock}. */
    Path lock() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }
}
