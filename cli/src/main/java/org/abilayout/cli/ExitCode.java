package org.abilayout.cli;

/** What {@code abilayout} exits with; scripts and CI rely on these. */
public final class ExitCode {
    /** Done, and every check passed. */
    public static final int OK = 0;
    /** A check failed (compatibility, pinned offsets): the input is fine, the ABI is not. */
    public static final int CHECK_FAILED = 1;
    /** Bad input or usage: a spec error, an unknown target, a wrong option. */
    public static final int BAD_INPUT = 2;
    /** A bug in abilayout (BSD sysexits {@code EX_SOFTWARE}), never confused with the two above. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {}
}
