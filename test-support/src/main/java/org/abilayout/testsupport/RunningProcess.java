package org.abilayout.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A process started by {@link ProcessRunner#start()}, for tests that interact with it while it
 * runs. {@link #await()} waits at most until the runner's timeout, counted from the start;
 * {@link #close()} kills it and its descendants if it is still running. Every process still
 * running when the test JVM exits (say, surefire's fork timeout ended it) is killed with its
 * descendants too, so that no compiler or emulator outlives the build.
 */
public final class RunningProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(RunningProcess::killTree), "kill-test-processes"));
    }

    private final List<String> command;
    private final Process process;
    private final Duration timeout;
    private final long deadline;
    private final Capture stdout;
    private final Capture stderr;

    RunningProcess(List<String> command, Process process, Duration timeout, Optional<Path> stdoutFile,
            Optional<Path> stderrFile) {
        this.command = command;
        this.process = process;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        LIVE.add(process);
        this.stdout = stdoutFile.<Capture>map(FileCapture::new).orElseGet(() -> new StreamCapture(process.getInputStream()));
        this.stderr = stderrFile.<Capture>map(FileCapture::new).orElseGet(() -> new StreamCapture(process.getErrorStream()));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the timeout has passed (the process may still be running until {@link #await()} or {@link #close()}). */
    public boolean overdue() {
        return System.nanoTime() - deadline > 0;
    }

    /** What the process has printed so far: standard output, then standard error. */
    public String outputSoFar() {
        return stdout.text() + stderr.text();
    }

    /**
     * Waits for the process to end and its output to be read, until the timeout.
     *
     * @throws ProcessTimeoutException when the timeout passes first; the process tree is killed
     */
    public ProcessResult await() {
        try {
            boolean ended = process.waitFor(remainingNanos(), TimeUnit.NANOSECONDS);
            // a descendant that outlives the process may hold the output open: the same deadline
            if (!ended || !stdout.finish(remainingNanos()) || !stderr.finish(remainingNanos())) {
                killTree(process);
                stdout.finish(TimeUnit.SECONDS.toNanos(5));
                stderr.finish(TimeUnit.SECONDS.toNanos(5));
                throw new ProcessTimeoutException(command, timeout, outputSoFar());
            }
            return new ProcessResult(command, process.exitValue(), stdout.text(), stderr.text());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), e);
        } finally {
            if (!process.isAlive()) LIVE.remove(process);
        }
    }

    /** Kills the process and its descendants if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) killTree(process);
        LIVE.remove(process);
    }

    private long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** The descendants are listed before the process dies: afterwards they are no longer its descendants. */
    static void killTree(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One output stream of the process, as it is read. */
    private sealed interface Capture permits StreamCapture, FileCapture {
        /** Waits up to {@code nanos} for the stream's end; true when it was reached. */
        boolean finish(long nanos) throws InterruptedException;

        String text();
    }

    /** Read as it comes by a thread of its own, so the process never blocks on a full pipe. */
    private static final class StreamCapture implements Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        StreamCapture(InputStream in) {
            reader = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the stream closes when the process is killed: what was read is kept
                }
            });
        }

        @Override
        public boolean finish(long nanos) throws InterruptedException {
            return reader.join(Duration.ofNanos(Math.max(1, nanos)));
        }

        @Override
        public String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Written by the process straight to a file. */
    private record FileCapture(Path file) implements Capture {
        @Override
        public boolean finish(long nanos) {
            return true;
        }

        @Override
        public String text() {
            try {
                return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
