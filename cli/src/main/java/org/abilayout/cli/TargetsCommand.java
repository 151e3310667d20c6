package org.abilayout.cli;

import java.util.concurrent.Callable;
import org.abilayout.arch.Catalogue;
import org.abilayout.codegen.report.TargetCatalogueReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code abilayout targets}: the catalogue, as a table or as JSON. */
@Command(name = "targets",
        description = "List the target catalogue: data model, byte order, char signedness and the size/alignment "
                + "of the types that differ between targets.")
final class TargetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormat.Converter.class, description = "text (default) or json")
    OutputFormat format;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(format == OutputFormat.JSON
                ? TargetCatalogueReport.json(Catalogue.all())
                : TargetCatalogueReport.text(Catalogue.all()));
        return ExitCode.OK;
    }
}
