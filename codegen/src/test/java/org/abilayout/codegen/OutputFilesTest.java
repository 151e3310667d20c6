package org.abilayout.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void writesEveryFileAndLeavesNoTemporaryOnes() throws Exception {
        var written = OutputFiles.write(dir, List.of(new GeneratedFile("a/b/One.java", "one"), new GeneratedFile("two.h", "two")));
        assertEquals(List.of(dir.resolve("a/b/One.java"), dir.resolve("two.h")), written.stream().map(OutputFiles.Written::path).toList());
        assertEquals(List.of(Path.of("a/b/One.java"), Path.of("two.h")), listing());
        assertEquals("one", Files.readString(dir.resolve("a/b/One.java")));
    }

    @Test
    void anUnchangedFileIsLeftAloneSoItsTimestampStays() throws Exception {
        Path f = Files.writeString(dir.resolve("x.h"), "same");
        var before = Files.getLastModifiedTime(f);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() - 60_000));
        var older = Files.getLastModifiedTime(f);
        assertFalse(OutputFiles.write(f, "same"));
        assertEquals(older, Files.getLastModifiedTime(f));
        assertTrue(OutputFiles.write(f, "changed"));
        assertEquals("changed", Files.readString(f));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path f = Files.writeString(dir.resolve("x.lock"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        OutputFiles.write(f, "new");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        OutputFiles.write(f, "newer");
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aNewFileIsNotMadePrivate() throws Exception {
        // created as any new file is (the umask applies), not 0600 as a temporary file would be
        Path f = dir.resolve("new.h");
        OutputFiles.write(f, "x");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
    }

    @Test
    void pathsMustStayInsideTheOutputDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratedFile("../evil.h", ""));
        assertThrows(IllegalArgumentException.class, () -> new GeneratedFile("/etc/passwd", ""));
    }
}
