package org.abilayout.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.abilayout.codegen.GeneratedFile;
import org.abilayout.codegen.Generators;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.source.DiagnosticPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code abilayout gen c|java SPEC -o DIR}: C headers and Java accessors. */
@Command(name = "gen", description = "Generate C headers (gen c) or Java accessors (gen java) from a spec.",
        subcommands = {GenCommand.C.class, GenCommand.Java.class})
final class GenCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing generator: use 'gen c' or 'gen java'");
    }

    /** Options every generator takes. */
    abstract static class Common {
        @picocli.CommandLine.Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SPEC", description = "the .layout spec file")
        Path file;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "output directory")
        Path out;

        @Option(names = {"-t", "--target"}, split = ",", paramLabel = "TARGET",
                description = "targets by clang triple, comma-separated or repeated, or 'all' (default: all)")
        List<String> targets = new java.util.ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        /** The spec laid out once on the chosen targets. */
        Layouts layouts() throws Exception {
            return LayoutEngine.layoutAll(SpecSource.READER.read(file), TargetSelection.select(targets));
        }

        /** Writes the files, all or nothing, and lists them. */
        int write(List<GeneratedFile> files) throws java.io.IOException {
            for (OutputFiles.Written w : OutputFiles.write(out, files)) spec.commandLine().getOut().print(w.path() + "\n");
            return ExitCode.OK;
        }
    }

    @Command(name = "c", description = "One C header per spec, with per-target static asserts of every offset.")
    static final class C extends Common implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return write(Generators.c(layouts()));
        }
    }

    @Command(name = "java", description = "Java FFM accessors: one class per struct and union, every target in one jar.")
    static final class Java extends Common implements Callable<Integer> {
        @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (default: the spec's package)")
        String packageName;

        @Option(names = "--strict", description = "treat warnings (a shared word some target under-aligns for "
                + "atomics) as errors")
        boolean strict;

        @Override
        public Integer call() throws Exception {
            Layouts layouts = layouts();
            Generators.JavaOutput java = Generators.java(layouts, Optional.ofNullable(packageName), strict);
            if (!java.warnings().isEmpty()) {
                spec.commandLine().getErr().print(DiagnosticPrinter.render(java.warnings(), List.of(layouts.spec().source())));
            }
            return write(java.files());
        }
    }
}
