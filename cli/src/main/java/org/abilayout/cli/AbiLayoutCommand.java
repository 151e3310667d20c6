package org.abilayout.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code abilayout}: the parent of every command; on its own it only says to pick one. */
@Command(name = "abilayout",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Per-architecture layouts of C structs from a spec: checked, reported, generated.",
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 70 internal error.",
                "Docs: docs/cli.md"})
final class AbiLayoutCommand implements Callable<Integer> {
    static final String STACKTRACE_OPTION = "--stacktrace";

    @Spec
    CommandSpec spec;

    /** Read from the parse result by {@link Cli}; declared here so every command accepts it. */
    @Option(names = STACKTRACE_OPTION, scope = ScopeType.INHERIT,
            description = "On an internal error, print the Java stack trace (or set ABILAYOUT_STACKTRACE=1).")
    boolean stacktrace;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
