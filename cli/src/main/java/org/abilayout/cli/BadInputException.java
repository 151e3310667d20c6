package org.abilayout.cli;

/**
 * Input the command cannot use, found by the command itself rather than by picocli or the spec
 * reader (an unknown target name): printed as one message, exit {@link ExitCode#BAD_INPUT}.
 */
final class BadInputException extends Exception {
    BadInputException(String message) {
        super(message, null, false, false);
    }
}
