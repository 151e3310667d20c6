package org.abilayout.cli;

import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.Target;
import picocli.CommandLine.Option;

/** The options of every command that reports on targets: {@code --target}, {@code --format}, {@code --help}. */
final class ReportOptions {
    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "TARGET",
            description = "targets by clang triple, comma-separated or repeated, or 'all' (default: all); "
                    + "see 'abilayout targets'")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormat.Converter.class, description = "text (default) or json")
    OutputFormat format;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    List<Target> select() throws BadInputException {
        return TargetSelection.select(targets);
    }
}
