package org.abilayout.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.abilayout.arch.Target;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.codegen.report.VerdictReport;
import org.abilayout.compat.Facts;
import org.abilayout.compat.Freeze;
import org.abilayout.compat.LockFile;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code abilayout freeze SPEC}: records the spec's layouts on the chosen targets (every catalogue
 * target by default) in {@code SPEC.lock}, keeping the versions and targets already released
 * there. Refuses a spec that breaks the lock: a release must not rewrite history. The Maven
 * plugin's {@code freeze} goal calls the same {@link Freeze#freeze}.
 */
@Command(name = "freeze",
        description = "Write SPEC.lock: every version of every struct on the chosen targets (default: all), keeping "
                + "the versions and targets the lock already has. Refuses (exit 1) a spec that breaks the lock.")
final class FreezeCommand implements Callable<Integer> {
    private final SpecSource source;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "the .layout spec file")
    Path file;

    @Option(names = "--lock", paramLabel = "LOCK", description = "the lock file (default: SPEC.lock)")
    Path lock;

    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "TARGET",
            description = "targets by clang triple, comma-separated or repeated, or 'all' (default: all)")
    List<String> targets = new java.util.ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    FreezeCommand(SpecSource source) {
        this.source = source;
    }

    @Override
    public Integer call() throws Exception {
        Path lockFile = CheckCommand.lockPath(file, lock);
        List<Target> chosen = TargetSelection.select(targets);
        Spec model = source.read(file);
        Optional<Facts.Spec> released = CheckCommand.readLock(lockFile, false);
        Freeze.Result result = Freeze.freeze(LayoutEngine.layoutAll(model, chosen), released);
        if (result.refused()) {
            spec.commandLine().getOut().print(VerdictReport.text(result.verdict()));
            spec.commandLine().getErr().print("abilayout: not frozen: the spec breaks " + (released.isPresent()
                    ? "the released layouts in " + lockFile : "its own history") + "\n");
            return ExitCode.CHECK_FAILED;
        }
        Facts.Spec facts = result.lock().orElseThrow();
        OutputFiles.write(lockFile, LockFile.write(facts));
        spec.commandLine().getOut().print("froze " + facts.types().size() + " types (" + versions(facts) + ") on "
                + chosen.size() + " targets into " + lockFile + "\n");
        return ExitCode.OK;
    }

    private static String versions(Facts.Spec facts) {
        return String.join(", ", facts.types().stream().map(t -> t.name() + " v" + t.version()).toList());
    }
}
