package org.abilayout.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.abilayout.arch.Target;
import org.abilayout.codegen.report.JsonLayoutReport;
import org.abilayout.codegen.report.TextLayoutReport;
import org.abilayout.compat.Invariants;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.DiagnosticPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code abilayout layout SPEC}: every struct and union of a spec, laid out on the chosen targets. */
@Command(name = "layout",
        description = "Lay out every struct and union of SPEC on the chosen targets and report offsets, sizes, "
                + "holes and padding (text), or the machine-readable layout (json).")
final class LayoutCommand implements Callable<Integer> {
    private final SpecSource source;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the .layout spec file")
    Path file;

    @Mixin
    ReportOptions options = new ReportOptions();

    LayoutCommand(SpecSource source) {
        this.source = source;
    }

    @Override
    public Integer call() throws Exception {
        List<Target> chosen = options.select();
        Spec model = source.read(file);
        Layouts layouts = LayoutEngine.layoutAll(model, chosen);
        List<Invariants.Violation> violations = Invariants.check(layouts);
        if (!violations.isEmpty()) {
            // the spec pins an offset or size that does not hold: a failed check, no layout output
            spec.commandLine().getErr().print(DiagnosticPrinter.render(
                    violations.stream().map(Invariants.Violation::diagnostic).toList(), List.of(model.source())));
            return ExitCode.CHECK_FAILED;
        }
        if (options.format == OutputFormat.JSON) {
            JsonLayoutReport.render(layouts, spec.commandLine().getOut());
        } else {
            spec.commandLine().getOut().print(TextLayoutReport.render(layouts));
        }
        return ExitCode.OK;
    }
}
