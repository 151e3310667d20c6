package org.abilayout.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How every test starts an external process (compilers, qemu-user, abidiff, the programs they
 * build): a real timeout, after which the process and all its descendants are killed and the
 * test fails with the command and what it had printed; standard output and error drained while
 * the process runs (or written to files), so a chatty process never blocks on a full pipe; and
 * standard input closed, so a process that reads it sees end-of-file instead of waiting forever.
 *
 * <p>A value: {@link #in}, {@link #timeout}, {@link #mergeErrors} and {@link #outputTo} each
 * return a new runner. {@link #run()} waits for the process; {@link #start()} hands back a
 * {@link RunningProcess} for tests that talk to a process while it runs, bounded by the same
 * timeout from its start.
 */
public final class ProcessRunner {
    /** Unless {@link #timeout} says otherwise: long enough for any compiler run, short enough to notice a hang. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final List<String> command;
    private final Optional<Path> directory;
    private final Duration timeout;
    private final boolean mergeErrors;
    private final Optional<Path> stdoutFile;
    private final Optional<Path> stderrFile;

    private ProcessRunner(List<String> command, Optional<Path> directory, Duration timeout, boolean mergeErrors,
            Optional<Path> stdoutFile, Optional<Path> stderrFile) {
        if (command.isEmpty()) throw new IllegalArgumentException("empty command");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        this.command = List.copyOf(command);
        this.directory = directory;
        this.timeout = timeout;
        this.mergeErrors = mergeErrors;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    /** Runs {@code command} (program and arguments) in the current directory, within {@link #DEFAULT_TIMEOUT}. */
    public static ProcessRunner of(List<String> command) {
        return new ProcessRunner(command, Optional.empty(), DEFAULT_TIMEOUT, false, Optional.empty(), Optional.empty());
    }

    public static ProcessRunner of(String... command) {
        return of(List.of(command));
    }

    /** Runs in {@code dir}. */
    public ProcessRunner in(Path dir) {
        return new ProcessRunner(command, Optional.of(dir), timeout, mergeErrors, stdoutFile, stderrFile);
    }

    /** Kills the process tree and fails once the process has run this long. */
    public ProcessRunner timeout(Duration t) {
        return new ProcessRunner(command, directory, Objects.requireNonNull(t), mergeErrors, stdoutFile, stderrFile);
    }

    /** Standard error goes into standard output, interleaved as the process wrote them. */
    public ProcessRunner mergeErrors() {
        return new ProcessRunner(command, directory, timeout, true, stdoutFile, stderrFile);
    }

    /**
     * Standard output and error go to these files (kept for diagnosis, and no memory held for
     * large outputs); the result still carries their text.
     */
    public ProcessRunner outputTo(Path stdout, Path stderr) {
        return new ProcessRunner(command, directory, timeout, mergeErrors, Optional.of(stdout), Optional.of(stderr));
    }

    public List<String> command() {
        return command;
    }

    /**
     * Runs the process to its end.
     *
     * @throws ProcessTimeoutException when it overruns the timeout (it is killed by then)
     * @throws UncheckedIOException when it cannot be started
     */
    public ProcessResult run() {
        try (RunningProcess p = start()) {
            return p.await();
        }
    }

    /** Starts the process; its timeout counts from now. Close the handle to kill it early. */
    public RunningProcess start() {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(mergeErrors);
        directory.ifPresent(d -> pb.directory(d.toFile()));
        try {
            if (stdoutFile.isPresent()) {
                for (Path f : List.of(stdoutFile.get(), stderrFile.orElseThrow())) {
                    Path parent = f.toAbsolutePath().getParent();
                    if (parent != null) Files.createDirectories(parent);
                }
                pb.redirectOutput(stdoutFile.get().toFile());
                if (!mergeErrors) pb.redirectError(stderrFile.get().toFile());
            }
            Process process = pb.start();
            process.getOutputStream().close();
            return new RunningProcess(command, process, timeout, stdoutFile, mergeErrors ? Optional.empty() : stderrFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }
}
