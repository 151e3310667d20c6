package org.abilayout.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.abilayout.arch.Target;
import org.abilayout.compat.Compatibility;
import org.abilayout.layout.LayoutEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code abilayout diff OLD NEW}: two specs compared without a lock (e.g. two git revisions). */
@Command(name = "diff",
        description = "Compare two specs (for example two git revisions) as if every version of OLD were released. "
                + "Exit 0 compatible, 1 breaking, 2 bad input.")
final class DiffCommand implements Callable<Integer> {
    private final SpecSource source;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the released spec")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "the new spec")
    Path newFile;

    @Mixin
    ReportOptions options = new ReportOptions();

    DiffCommand(SpecSource source) {
        this.source = source;
    }

    @Override
    public Integer call() throws Exception {
        List<Target> chosen = options.select();
                return CheckCommand.print(spec, Compatibility.diff(LayoutEngine.layoutAll(source.read(oldFile), chosen),
                LayoutEngine.layoutAll(source.read(newFile), chosen)), options.format);
    }
}
