package org.abilayout.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a POSIX shell: the tools every Unix has, none that the suite needs installing. */
class ProcessRunnerTest {
    @BeforeAll
    static void posix() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    }

    @Test
    void exitCodeAndBothStreamsAreReported() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "echo out; echo err >&2; exit 3").run();
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.ok());
    }

    @Test
    void aProcessWritingMoreThanAPipeHoldsOnBothStreamsFinishes() {
        // 4 MiB on each stream: a runner that read one stream to its end before the other would deadlock
        ProcessResult r = ProcessRunner.of("sh", "-c",
                "head -c 4194304 /dev/zero | tr '\\0' e >&2 & head -c 4194304 /dev/zero | tr '\\0' o; wait")
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(0, r.exitCode());
        assertEquals(4194304, r.stdout().length());
        assertEquals(4194304, r.stderr().length());
    }

    @Test
    void aHungProcessIsKilledWithItsChildrenAndTheFailureShowsWhatItSaid() throws Exception {
        long start = System.nanoTime();
        ProcessTimeoutException e = assertThrows(ProcessTimeoutException.class, () -> ProcessRunner
                .of("sh", "-c", "echo started; echo $$ > /dev/null; sleep 300 & echo child $!; wait")
                .timeout(Duration.ofSeconds(2)).run());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the timeout was not enforced");
        assertTrue(e.getMessage().contains("sh -c echo started"), e.getMessage());
        assertTrue(e.partialOutput().contains("started"), e.partialOutput());
        long child = Long.parseLong(e.partialOutput().lines().filter(l -> l.startsWith("child ")).findFirst()
                .orElseThrow().substring(6).strip());
        // the grandchild `sleep 300` died with its parent
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(50);
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "sleep " + child + " survived");
    }

    @Test
    void standardInputIsClosedSoAReaderDoesNotWait() {
        ProcessResult r = ProcessRunner.of("sh", "-c", "cat; echo done").timeout(Duration.ofSeconds(20)).run();
        assertEquals("done\n", r.stdout());
    }

    @Test
    void mergedOutputAndOutputFiles(@TempDir Path dir) throws Exception {
        ProcessResult merged = ProcessRunner.of("sh", "-c", "echo a; echo b >&2").mergeErrors().run();
        assertEquals("a\nb\n", merged.stdout());
        assertEquals("", merged.stderr());

        Path out = dir.resolve("sub/x.out");
        Path err = dir.resolve("sub/x.err");
        ProcessResult filed = ProcessRunner.of("sh", "-c", "echo a; echo b >&2").in(dir).outputTo(out, err).run();
        assertEquals("a\n", filed.stdout());
        assertEquals("b\n", filed.stderr());
        assertEquals("b\n", Files.readString(err));
    }

    @Test
    void aStartedProcessIsBoundedByTheSameTimeout() {
        try (RunningProcess p = ProcessRunner.of("sleep", "300").timeout(Duration.ofSeconds(1)).start()) {
            assertTrue(p.isAlive());
            assertThrows(ProcessTimeoutException.class, p::await);
            assertFalse(p.isAlive());
            assertTrue(p.overdue());
        }
        RunningProcess p = ProcessRunner.of("sleep", "300").start();
        p.close();
        assertFalse(p.isAlive());
    }

    @Test
    void aCommandThatCannotStartNamesIt() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ProcessRunner.of(List.of("/nonexistent/tool", "-v")).run());
        assertTrue(e.getMessage().contains("/nonexistent/tool -v"), e.getMessage());
    }
}
