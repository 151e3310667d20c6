package org.abilayout.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

    @Test
    void findsSpecsByDefaultPatternSortedByRelativePathAndSkipsLocks(@TempDir Path dir) throws IOException {
        touch(dir.resolve("z.layout"));
        touch(dir.resolve("freebsd/umtx.layout"));
        touch(dir.resolve("freebsd/umtx.layout.lock"));
        touch(dir.resolve("notes.txt"));
        List<SpecFile> found = SpecFiles.find(dir, null, null);
        assertEquals(List.of("freebsd/umtx.layout", "z.layout"), found.stream().map(SpecFile::relative).toList());
        assertEquals(dir.resolve("freebsd/umtx.layout.lock").toAbsolutePath(), found.getFirst().lock());
        assertEquals("freebsd_umtx", found.getFirst().reportName());
    }

    @Test
    void excludesWinOverIncludes(@TempDir Path dir) throws IOException {
        touch(dir.resolve("umtx.layout"));
        touch(dir.resolve("history/umtx-v1.layout"));
        List<SpecFile> found = SpecFiles.find(dir, List.of("**/*.layout"), List.of("history/**"));
        assertEquals(List.of("umtx.layout"), found.stream().map(SpecFile::relative).toList());
    }

    @Test
    void aMissingDirectoryHasNoSpecs(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), SpecFiles.find(dir.resolve("absent"), null, null));
    }

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
    }
}
