package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command with the real spec reader. Skipped (not failed) while the reader is the stub that
 * throws UnsupportedOperationException; it runs as soon as the parser is merged.
 */
class SpecReaderIntegrationTest {
    @TempDir
    Path dir;

    private static CliRun real(String... args) {
        return CliRun.run(SpecSource.READER, args);
    }

    private static void assumeParserMerged(CliRun r) {
        assumeFalse(r.err().contains("UnsupportedOperationException"), "spec parser not merged yet");
    }

    @Test
    void laysOutASpecFile() throws Exception {
        Path spec = dir.resolve("pair.layout");
        Files.writeString(spec, """
                package demo;

                struct pair {
                    char c;
                    long l;
                };
                """);
        CliRun r = real("layout", spec.toString(), "--target", "x86_64-linux-gnu", "--format", "json");
        assumeParserMerged(r);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"name\": \"pair\""), r.out());
    }

    @Test
    void aSyntaxErrorIsRenderedWithItsPosition() throws Exception {
        Path spec = dir.resolve("bad.layout");
        Files.writeString(spec, "package demo;\nstruct s { int x };\n");
        CliRun r = real("layout", spec.toString());
        assumeParserMerged(r);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(spec + ":2:"), r.err());
        assertTrue(r.err().contains(": error: "), r.err());
        assertTrue(r.err().contains("\nstruct s { int x };\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun r = real("layout", dir.resolve("nowhere.layout").toString());
        assumeParserMerged(r);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nowhere.layout"), r.err());
    }
}
