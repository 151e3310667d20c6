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

    /**
     * The stem of the spec's report files: its relative path without {@code .layout}, directories
     * joined by {@code _} ({@code freebsd/umtx.layout} → {@code freebsd_umtx}).
     */
    String reportName() {
        String stem = relative.endsWith(".layout") ? relative.substring(0, relative.length() - ".layout".length()) : relative;
        return stem.replace('/', '_');
    }

    /** The lock next to the spec: {@code umtx.layout} is released as {@code umtx.layout.lock}. */
    Path lock() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }
}
