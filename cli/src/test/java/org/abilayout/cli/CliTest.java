package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every command shares: help, version, usage errors and internal errors, with their exit codes. */
class CliTest {
    private static final SpecSource BROKEN = file -> {
        throw new IllegalStateException("boom");
    };

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun r = CliRun.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("abilayout 0."), r.out());
        assertFalse(r.out().contains("${"), "version.properties must be filtered: " + r.out());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun r = CliRun.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("targets"), r.out());
        assertTrue(r.out().contains("layout"), r.out());
        assertTrue(r.out().contains("2 bad input or usage"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void subcommandHelpIsSuccess() {
        CliRun r = CliRun.run("layout", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--target"), r.out());
        assertEquals(0, CliRun.run("help", "targets").exit());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("abilayout: missing command"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
        CliRun r = CliRun.run("layout", "--frobnicate", "x.layout");
        assertEquals(2, r.exit());
        assertEquals("""
                abilayout: Unknown option: '--frobnicate'
                Try 'abilayout layout --help' for more information.
                """, r.err());
    }

    @Test
    void aMisspelledCommandGetsASuggestion() {
        CliRun r = CliRun.run("tragets");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Did you mean: abilayout targets"), r.err());
    }

    @Test
    void aMissingSpecArgumentIsAUsageError() {
        CliRun r = CliRun.run("layout");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("abilayout: Missing required parameter: 'SPEC'"), r.err());
    }

    @Test
    void aBadFormatIsAUsageError() {
        CliRun r = CliRun.run("targets", "--format", "xml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'xml' is not a format: use text or json"), r.err());
    }

    @Test
    void anInternalErrorIsOneLineAndAHint() {
        CliRun r = CliRun.run(BROKEN, "layout", "x.layout", "--target", "x86_64-linux-gnu");
        assertEquals(70, r.exit());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("abilayout: internal error: java.lang.IllegalStateException: boom",
                "This is a bug in abilayout. Rerun with --stacktrace (or ABILAYOUT_STACKTRACE=1) for the stack trace,"
                        + " and report it."), lines);
        assertEquals("", r.out());
    }

    @Test
    void aStackOverflowIsAnInternalErrorToo() {
        CliRun r = CliRun.run(file -> {
            throw new StackOverflowError();
        }, "layout", "x.layout");
        assertEquals(70, r.exit());
        assertTrue(r.err().startsWith("abilayout: internal error: java.lang.StackOverflowError\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void theStackTraceComesOnRequest() {
        CliRun byOption = CliRun.run(BROKEN, "layout", "x.layout", "--stacktrace");
        assertEquals(70, byOption.exit());
        assertTrue(byOption.err().contains("\tat org.abilayout.cli."), byOption.err());

        CliRun byOptionFirst = CliRun.run(BROKEN, "--stacktrace", "layout", "x.layout");
        assertTrue(byOptionFirst.err().contains("\tat org.abilayout.cli."), byOptionFirst.err());

        CliRun byEnv = CliRun.run(BROKEN, Map.of(Cli.STACKTRACE_ENV, "1"), "layout", "x.layout");
        assertEquals(70, byEnv.exit());
        assertTrue(byEnv.err().contains("\tat org.abilayout.cli."), byEnv.err());

        CliRun envOff = CliRun.run(BROKEN, Map.of(Cli.STACKTRACE_ENV, "0"), "layout", "x.layout");
        assertFalse(envOff.err().contains("\tat "), envOff.err());
    }
}
