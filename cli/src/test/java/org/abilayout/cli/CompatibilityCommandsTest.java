package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}, {@code diff}, {@code freeze} and {@code gen}: exit codes, files written or not. */
class CompatibilityCommandsTest {
    private static final String V1 = """
            package t;
            @version(1) struct s { uint32_t a; uint32_t b; @reserved uint32_t spare[4]; };
            """;
    private static final String V2 = """
            package t;
            @version(2) struct s { uint32_t a; uint32_t b; @since(2) uint32_t c; @reserved uint32_t spare[3]; };
            """;
    private static final String BROKEN = """
            package t;
            @version(2) struct s { uint32_t a; uint64_t b; @reserved uint32_t spare[4]; };
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CliRun run(String... args) {
        return CliRun.run(SpecSource.READER, args);
    }

    @Test
    void freezeThenCheckACompatibleEvolutionExitsZero() throws Exception {
        Path spec = write("s.layout", V1);
        CliRun frozen = run("freeze", spec.toString());
        assertEquals(0, frozen.exit(), frozen.err());
        assertTrue(Files.exists(dir.resolve("s.layout.lock")));
        Files.writeString(spec, V2);
        CliRun check = run("check", spec.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("reserved_consumed 'c'"), check.out());
    }

    @Test
    void aBreakingChangeExitsOneAndFreezeRefusesToWriteIt() throws Exception {
        Path spec = write("s.layout", V1);
        assertEquals(0, run("freeze", spec.toString()).exit());
        String lock = Files.readString(dir.resolve("s.layout.lock"));
        Files.writeString(spec, BROKEN);
        CliRun check = run("check", spec.toString(), "--format", "json");
        assertEquals(1, check.exit(), check.err());
        assertTrue(check.out().contains("\"verdict\": \"breaking\""), check.out());
        CliRun freeze = run("freeze", spec.toString());
        assertEquals(1, freeze.exit());
        assertTrue(freeze.err().contains("not frozen"), freeze.err());
        assertEquals(lock, Files.readString(dir.resolve("s.layout.lock")), "the lock must be untouched");
    }

    @Test
    void diffComparesTwoSpecsWithoutALock() throws Exception {
        CliRun ok = run("diff", write("a.layout", V1).toString(), write("b.layout", V2).toString());
        assertEquals(0, ok.exit(), ok.out());
        CliRun bad = run("diff", dir.resolve("a.layout").toString(), write("c.layout", BROKEN).toString(),
                "--target", "i386-linux-gnu");
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().contains("i386-linux-gnu"), bad.out());
    }

    @Test
    void aBadSpecExitsTwoAndGeneratesNothing() throws Exception {
        Path spec = write("bad.layout", "package t;\nstruct s { nosuch_t x; };\n");
        Path out = dir.resolve("out");
        for (String gen : new String[] {"c", "java"}) {
            CliRun r = run("gen", gen, spec.toString(), "-o", out.toString());
            assertEquals(2, r.exit());
            assertTrue(r.err().startsWith(spec + ":2:12: error: "), r.err());
        }
        assertFalse(Files.exists(out) && hasFiles(out), "no partial output");
    }

    @Test
    void genWritesTheHeaderAndTheAccessors() throws Exception {
        Path spec = write("s.layout", V2);
        Path out = dir.resolve("out");
        CliRun c = run("gen", "c", spec.toString(), "-o", out.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(Files.readString(out.resolve("t.h")).contains("struct s {"));
        CliRun java = run("gen", "java", spec.toString(), "-o", out.toString(), "--package", "p.q");
        assertEquals(0, java.exit(), java.err());
        assertTrue(Files.exists(out.resolve("p/q/S.java")), java.out());
    }

    @Test
    void layoutFailsWhenAPinnedOffsetDoesNotHold() throws Exception {
        Path spec = write("p.layout", "package t;\nstruct s { char c; @offset(4) long x; };\n");
        CliRun r = run("layout", spec.toString(), "--target", "x86_64-linux-gnu,i386-linux-gnu");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("is pinned to offset 4 but is at offset 8 on x86_64-linux-gnu"), r.err());
        assertEquals("", r.out());
    }

    private static boolean hasFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }
}
