package org.abilayout.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.abilayout.spec.source.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The edge where errors become text and exit codes ({@link ExitCode}): a spec error prints its
 * rendered diagnostics, bad usage picocli's message and a pointer to {@code --help}, anything
 * unexpected one "internal error" line (the stack trace only on request). Nothing below this
 * class prints or exits.
 */
public final class Cli {
    /** Set (to anything but {@code 0} or empty) to get stack traces of internal errors. */
    public static final String STACKTRACE_ENV = "ABILAYOUT_STACKTRACE";

    private final SpecSource specs;
    private final Map<String, String> env;

    /**
     * @param specs where {@code layout} reads specs from ({@link SpecSource#READER} in production)
     * @param env the environment, for {@value #STACKTRACE_ENV}
     */
    public Cli(SpecSource specs, Map<String, String> env) {
        this.specs = specs;
        this.env = Map.copyOf(env);
    }

    /** Runs {@code abilayout ARGS}, writing to {@code out} and {@code err}; returns the exit code. */
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands Errors on; these two are the ones a hostile input could cause
            return internalError(e, err, stacktraceRequested(cl.getParseResult()));
        } finally {
            out.flush();
            err.flush();
        }
    }

    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AbiLayoutCommand());
        cl.addSubcommand(new TargetsCommand());
        cl.addSubcommand(new LayoutCommand(specs));
        cl.addSubcommand(new CheckCommand(specs));
        cl.addSubcommand(new DiffCommand(specs));
        cl.addSubcommand(new FreezeCommand(specs));
        cl.addSubcommand(new GenCommand());
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler(this::executionError);
        return cl;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.print("abilayout: " + e.getMessage() + "\n");
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.\n");
        return ExitCode.BAD_INPUT;
    }

    private int executionError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        switch (e) {
            case SpecException se -> {
                err.print(se.render());
                return ExitCode.BAD_INPUT;
            }
            case BadInputException bi -> {
                err.print("abilayout: " + bi.getMessage() + "\n");
                return ExitCode.BAD_INPUT;
            }
            default -> {
                return internalError(e, err, stacktraceRequested(parsed));
            }
        }
    }

    private static int internalError(Throwable e, PrintWriter err, boolean stacktrace) {
        err.print("abilayout: internal error: " + e + "\n");
        if (stacktrace) {
            e.printStackTrace(err);
        } else {
            err.print("This is a bug in abilayout. Rerun with " + AbiLayoutCommand.STACKTRACE_OPTION
                    + " (or " + STACKTRACE_ENV + "=1) for the stack trace, and report it.\n");
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private boolean stacktraceRequested(ParseResult parsed) {
        String fromEnv = env.getOrDefault(STACKTRACE_ENV, "");
        if (!fromEnv.isEmpty() && !fromEnv.equals("0")) return true;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(AbiLayoutCommand.STACKTRACE_OPTION)) return true;
        }
        return false;
    }
}
