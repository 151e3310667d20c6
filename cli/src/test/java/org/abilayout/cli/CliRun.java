package org.abilayout.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the command: exit code, stdout, stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun run(SpecSource specs, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new Cli(specs, env).run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(SpecSource specs, String... args) {
        return run(specs, Map.of(), args);
    }

    /** A run that must not need a spec. */
    static CliRun run(String... args) {
        return run(file -> {
            throw new AssertionError("no spec expected, asked for " + file);
        }, args);
    }
}
