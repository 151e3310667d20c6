package org.abilayout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.abilayout.arch.Target;
import org.abilayout.codegen.report.VerdictReport;
import org.abilayout.compat.Compatibility;
import org.abilayout.compat.Facts;
import org.abilayout.compat.LockFile;
import org.abilayout.compat.Verdict;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code abilayout check SPEC}: the spec against its own history, the invariants it pins, and the
 * lock of released layouts ({@code SPEC.lock}) when there is one.
 */
@Command(name = "check",
        description = "Check that SPEC keeps the released ABI on every target: against its own history, its "
                + "pinned offsets and sizes, and the lock of released layouts (SPEC.lock). Exit 0 compatible, "
                + "1 breaking, 2 bad input.")
final class CheckCommand implements Callable<Integer> {
    private final SpecSource source;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the .layout spec file")
    Path file;

    @Option(names = "--lock", paramLabel = "LOCK", description = "the lock file (default: SPEC.lock, if it exists)")
    Path lock;

    @Mixin
    ReportOptions options = new ReportOptions();

    CheckCommand(SpecSource source) {
        this.source = source;
    }

    @Override
    public Integer call() throws Exception {
        List<Target> chosen = options.select();
        Spec model = source.read(file);
        Optional<Facts.Spec> released = readLock(lockPath(file, lock), lock != null);
        Verdict verdict = Compatibility.check(LayoutEngine.layoutAll(model, chosen), released);
        if (released.isEmpty() && options.format == OutputFormat.TEXT) {
            spec.commandLine().getOut().print("no lock file (" + lockPath(file, null)
                    + "): checked the spec's own history and pins; run 'abilayout freeze' at release time\n");
        }
        return print(spec, verdict, options.format);
    }

    static Path lockPath(Path spec, Path explicit) {
        return explicit != null ? explicit : spec.resolveSibling(spec.getFileName() + ".lock");
    }

    /** Reads a lock; a missing one is fine unless it was asked for explicitly. */
    static Optional<Facts.Spec> readLock(Path path, boolean required) throws SpecException, IOException, BadInputException {
        if (!Files.exists(path)) {
            if (required) throw new BadInputException(path + ": no such lock file");
            return Optional.empty();
        }
        return Optional.of(LockFile.read(new SourceFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8))));
    }

    static int print(CommandSpec spec, Verdict verdict, OutputFormat format) {
        spec.commandLine().getOut().print(format == OutputFormat.JSON ? VerdictReport.json(verdict) : VerdictReport.text(verdict));
        return verdict.isBreaking() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
