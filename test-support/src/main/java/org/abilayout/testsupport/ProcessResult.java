package org.abilayout.testsupport;

import java.util.List;

/**
 * How an external process ended.
 *
 * @param command what was run
 * @param exitCode its exit status
 * @param stdout its standard output (with standard error in it when the run merged them)
 * @param stderr its standard error; empty when merged into {@code stdout}
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
    public ProcessResult {
        command = List.copyOf(command);
    }

    /** Exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output then standard error: everything the process said, for messages. */
    public String output() {
        return stderr.isEmpty() ? stdout : stdout + stderr;
    }
}
