package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void renderShowsFileLineColumnSourceLineAndCaret() {
        SpecException e = Specs.errRaw("package t;\nstruct s {\n\tuint32 x;\n};\n");
        assertEquals("""
                t.layout:3:2: error: unknown type name 'uint32'; did you mean 'uint32_t'?
                \tuint32 x;
                \t^
                """, e.render());
    }

    @Test
    void renderOfSeveralErrorsInFileOrder() {
        SpecException e = Specs.errRaw("package t;\nstruct a { int x : 1; };\nconst int B = 1 / 0;\n");
        assertEquals("""
                t.layout:2:18: error: bitfields are not supported yet
                struct a { int x : 1; };
                                 ^
                t.layout:3:17: error: division by zero in constant expression
                const int B = 1 / 0;
                                ^
                """, e.render());
    }

    @Test
    void thePackageLineIsRequiredAndComesFirst() {
        assertEquals("1:1: a spec must start with 'package NAME;' (found 'struct')", Specs.errorsRaw("struct s { int x; };"));
        assertEquals("1:1: a spec must start with 'package NAME;' (found end of file)", Specs.errorsRaw(""));
        assertEquals("2:1: duplicate package declaration; it must come once, first", Specs.errors("package u;"));
        assertEquals("1:9: expected a package name, found keyword 'struct'", Specs.errorsRaw("package struct;"));
        assertEquals("a.b.c", Specs.okRaw("package a.b.c;").packageName());
    }

    @Test
    void preprocessorLinesAreRejected() {
        assertEquals("""
                2:1: preprocessor directives are not part of the spec language; use @if(...) for per-target members
                3:3: preprocessor directives are not part of the spec language; use @if(...) for per-target members""",
                Specs.errors("#include <stdint.h>\n  #define X \\\n  continued\nstruct s { int x; };"));
    }

    @Test
    void lexerErrors() {
        assertEquals("2:12: unterminated /* comment",
                Specs.errors("struct s { /* never closed\n int x; };").lines().findFirst().orElseThrow());
        assertEquals("2:12: invalid character U+0024 '$'", Specs.errors("struct s { $ int x; };"));
        assertEquals("2:12: invalid character U+00E9 '\u00e9'", Specs.errors("struct s { \u00e9 int x; };"));
        assertEquals("2:12: invalid character U+0007", Specs.errors("struct s { \u0007 int x; };"));
        assertEquals("2:12: invalid character U+1F600 '\uD83D\uDE00'", Specs.errors("struct s { \uD83D\uDE00 int x; };"));
        assertEquals("2:15: unterminated string literal", Specs.errors("const int X = \"abc;\n").lines().findFirst().orElseThrow());
    }

    @Test
    void commentsAreIgnoredAnywhere() {
        Specs.ok("/* a */ struct /* b */ s // c\n { int /* d\n */ x; };");
    }

    @Test
    void syntaxErrorsRecoverAtSemicolonsAndBraces() {
        assertEquals("""
                2:16: expected a member name, found '+'
                2:28: unknown type name 'ulong'; did you mean 'long'?
                3:7: missing type: write 'const T X = value;' with an integer type T
                4:29: expected ';' after the member, found '}'""",
                Specs.errors("struct a { int + x; int y; ulong z; };\nconst X = 3;\nstruct b { int ok; int fine };"));
    }

    @Test
    void aMissingSemicolonAfterAStructIsReportedOnce() {
        assertEquals("3:1: expected ';' after the definition, found 'struct'",
                Specs.errors("struct a { int x; }\nstruct b { int y; };"));
    }

    @Test
    void unclosedBodiesAreReportedAtEndOfFile() {
        assertEquals("2:25: expected '}' to close struct s opened at line 2, found end of file",
                Specs.errors("struct s { int x; int y;"));
    }

    @Test
    void errorsAreBoundedWithAFinalNote() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) sb.append("struct s").append(i).append(" { bogus").append(i).append(" x; };\n");
        SpecException e = Specs.errRaw("package t;\n" + sb);
        assertEquals(Reporter.MAX_ERRORS + 1, e.diagnostics().size());
        Diagnostic last = e.diagnostics().getLast();
        assertEquals(Diagnostic.Severity.NOTE, last.severity());
        assertEquals("too many errors, stopping", last.message());
        assertTrue(e.render().endsWith("t.layout: note: too many errors, stopping\n"), e.render());
    }

    @Test
    void variableDeclarationsAreNotPartOfTheLanguage() {
        assertEquals("2:21: only types and constants can be declared in a spec; a constant is written 'const T NAME = value;'",
                Specs.errors("struct s { int x; } var;"));
    }

    @Test
    void longNamesAreShortenedInMessages() {
        String name = "x".repeat(100_000);
        String errors = Specs.errors("struct s { " + name + " y; };");
        assertEquals("2:12: unknown type name '" + "x".repeat(60) + "...'", errors);
    }
}
