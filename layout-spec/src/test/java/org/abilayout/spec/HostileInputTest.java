package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.abilayout.arch.Catalogue;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input must end in a clean error, never a StackOverflowError, an OutOfMemoryError or a
 * hang. The timeouts are generous hang guards, not performance measurements; they also run the
 * parser on a fresh thread with the default (smaller) stack.
 */
class HostileInputTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static SpecException fails(String text) {
        return assertTimeoutPreemptively(GUARD,
                () -> assertThrows(SpecException.class, () -> SpecReader.parse(new SourceFile("h.layout", text))));
    }

    private static long count(SpecException e, String message) {
        return e.diagnostics().stream().filter(d -> d.message().contains(message)).count();
    }

    @Test
    void deeplyNestedStructsReportNestingTooDeepOnce() {
        int n = 10_000;
        String text = "package t;\nstruct a { " + "struct { ".repeat(n) + "int x; " + "} y; ".repeat(n) + "};\n"
                + "struct after { int ok; };\n";
        SpecException e = fails(text);
        // reported at the '{' of the 200th nested "struct { " (each 9 characters, from column 12)
        assertEquals("2:" + (12 + 9 * 199 + 7) + ": nesting too deep (more than 200 levels)",
                Specs.format(e.diagnostics()));
    }

    @Test
    void unclosedDeepNestingReportsOnce() {
        SpecException e = fails("package t;\n" + "struct a { ".repeat(200_000));
        assertEquals(1, count(e, "nesting too deep"));
    }

    @Test
    void deeplyNestedParenthesesReportNestingTooDeepOnce() {
        int n = 10_000;
        SpecException e = fails("package t;\nconst int X = " + "(".repeat(n) + "1" + ")".repeat(n) + ";\nconst int Y = 1 / 0;\n");
        assertEquals(1, count(e, "nesting too deep"));
        // recovery goes on: the next declaration is still checked
        assertEquals(1, count(e, "division by zero"));
    }

    @Test
    void longUnaryPointerAndArrayChainsAreBounded() {
        assertEquals(1, count(fails("package t;\nconst int X = " + "-".repeat(100_000) + "1;"), "nesting too deep"));
        assertEquals(1, count(fails("package t;\nconst int X = " + "!~".repeat(100_000) + "1;"), "nesting too deep"));
        assertEquals(1, count(fails("package t;\nstruct s { int " + "*".repeat(100_000) + "p; };"), "nesting too deep"));
        assertEquals(1, count(fails("package t;\nstruct s { int a" + "[1]".repeat(100_000) + "; };"), "nesting too deep"));
        assertEquals(1, count(fails("package t;\nstruct s { int " + "(".repeat(100_000) + "p" + ")".repeat(100_000) + "; };"),
                "nesting too deep"));
        assertEquals(1, count(fails("package t;\nstruct s { @x" + "(".repeat(100_000) + "; };"), "nesting too deep"));
    }

    @Test
    void aMillionOperatorsAreRejectedCleanly() {
        SpecException e = fails("package t;\nconst int X = " + "1+".repeat(1_000_000) + "1;");
        assertEquals(1, count(e, "constant expression too long (more than 1000 operators)"));
    }

    @Test
    void tenMegabytesOfRandomAsciiEndInBoundedErrors() {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder(10 << 20);
        for (int i = 0; i < 10 << 20; i++) sb.append((char) (32 + r.nextInt(95)));
        SpecException e = fails(sb.toString());
        assertTrue(e.diagnostics().size() <= Reporter.MAX_ERRORS + 1);
        e.render(); // rendering a one-line 10 MB file must work too
    }

    @Test
    void tenMegabytesOfTokenSoupEndInBoundedErrors() {
        Random r = new Random(7);
        String alphabet = "struct{}();,*[]@ abc123\n:=";
        StringBuilder sb = new StringBuilder("package t;\n");
        for (int i = 0; i < 10 << 20; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        SpecException e = fails(sb.toString());
        assertEquals(Reporter.MAX_ERRORS + 1, e.diagnostics().size());
    }

    @Test
    void tenMegabytesOfEmptyStatementsAndCommentsAreFine() {
        String text = "package t;\n" + ";".repeat(5 << 20) + "/*" + " ".repeat(5 << 20) + "*/ struct s { int x; };";
        Spec spec = assertTimeoutPreemptively(GUARD, () -> SpecReader.parse(new SourceFile("h.layout", text)));
        assertEquals(1, spec.records().size());
    }

    @Test
    void tenMegabytesOfRandomBytesAreRejectedAsNotUtf8() throws Exception {
        Random r = new Random(1);
        byte[] bytes = new byte[10 << 20];
        r.nextBytes(bytes);
        Path p = dir.resolve("junk.layout");
        Files.write(p, bytes);
        SpecException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(SpecException.class, () -> SpecReader.read(p)));
        assertEquals(1, e.diagnostics().size());
        assertTrue(e.diagnostics().getFirst().message().startsWith("invalid UTF-8") ||
                e.diagnostics().getFirst().message().startsWith("NUL byte"), e.render());
    }

    @Test
    void arraySizesThatOverflow64BitsAreCleanErrors() {
        SpecException e = fails("package t;\nstruct s { int a[99999999999999999999]; int b[0x7fffffffffffffff * 4]; };");
        assertEquals("""
                2:18: integer literal is too large for 64 bits
                2:66: integer overflow in constant expression: the result does not fit in 64 bits""",
                Specs.format(e.diagnostics()));
    }

    @Test
    void aHugeMultiDimensionalArrayIsLaidOutOrRejectedWithoutHanging() throws Exception {
        Spec spec = Specs.ok("struct s { int a[1000][1000][1000][1000]; };");
        // 4 * 10^12 bytes fits a 64-bit address space but not a 32-bit one
        var x86_64 = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow());
        assertEquals(4_000_000_000_000L, x86_64.record("s").orElseThrow().size());
        SpecException e = assertThrows(SpecException.class,
                () -> LayoutEngine.layout(spec, Catalogue.byName("i386-linux-gnu").orElseThrow()));
        assertTrue(e.diagnostics().getFirst().message().contains("larger than the largest object"), e.render());
        Spec huge = Specs.ok("struct s { char a[0x7fffffffffffffff][0x7fffffffffffffff]; };");
        assertThrows(SpecException.class, () -> LayoutEngine.layout(huge, Catalogue.byName("x86_64-linux-gnu").orElseThrow()));
    }

    @Test
    void longTypedefChainsAreBounded() {
        StringBuilder sb = new StringBuilder("package t;\ntypedef int t0;\n");
        for (int i = 1; i <= 20_000; i++) sb.append("typedef t").append(i - 1).append(" t").append(i).append(";\n");
        SpecException e = fails(sb.toString());
        assertEquals(1, e.diagnostics().size(), e.render());
        assertTrue(e.diagnostics().getFirst().message().contains("nests more than 256 levels"));
    }

    @Test
    void longContainmentCyclesAreFoundWithoutRecursion() {
        StringBuilder sb = new StringBuilder("package t;\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) sb.append("struct s").append(i).append(" { struct s").append((i + 1) % n).append(" x; };\n");
        SpecException e = fails(sb.toString());
        assertEquals(1, count(e, "recursive containment by value: s0 -> s1 -> s2"));
    }

    @Test
    void manyDeclarationsAreFine() {
        StringBuilder sb = new StringBuilder("package t;\n");
        for (int i = 0; i < 5_000; i++) sb.append("struct s").append(i).append(" { int a; long b[").append(i + 1).append("]; };\n");
        Spec spec = assertTimeoutPreemptively(GUARD, () -> SpecReader.parse(new SourceFile("h.layout", sb.toString())));
        assertEquals(5_000, spec.records().size());
    }
}
