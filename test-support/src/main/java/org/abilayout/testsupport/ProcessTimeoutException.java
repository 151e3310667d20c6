package org.abilayout.testsupport;

import java.time.Duration;
import java.util.List;

/**
 * An external process that overran its timeout and was killed with all its descendants. The
 * message names the command and shows what it had printed by then, which is usually where it hung.
 */
public final class ProcessTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 8000;

    private final List<String> command;
    private final String partialOutput;

    ProcessTimeoutException(List<String> command, Duration timeout, String partialOutput) {
        super("timed out after " + timeout.toSeconds() + " s and killed (with its child processes): "
                + String.join(" ", command) + "\n--- output so far ---\n" + tail(partialOutput));
        this.command = List.copyOf(command);
        this.partialOutput = partialOutput;
    }

    public List<String> command() {
        return command;
    }

    /** What the process printed before it was killed (standard output, then standard error). */
    public String partialOutput() {
        return partialOutput;
    }

    private static String tail(String s) {
        return s.length() <= SHOWN ? s : "[… " + (s.length() - SHOWN) + " characters before]\n" + s.substring(s.length() - SHOWN);
    }
}
