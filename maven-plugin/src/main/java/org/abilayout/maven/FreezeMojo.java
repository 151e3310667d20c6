package org.abilayout.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.codegen.report.VerdictReport;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.compat.Facts;
import org.abilayout.compat.Freeze;
import org.abilayout.compat.LockFile;
import org.abilayout.compat.Verdict;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes or updates each spec's lock ({@code umtx.layout} → {@code umtx.layout.lock}) at release
 * time: the layouts already released stay exactly as the lock has them, versions it does not have
 * yet are added. A spec that breaks its lock is refused, and then no lock is written at all.
 * Bound to no phase: run it on purpose, {@code mvn abilayout:freeze}, and commit the locks.
 */
@Mojo(name = "freeze", threadSafe = true)
public class FreezeMojo extends AbstractSpecMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("abilayout: freeze skipped");
            return;
        }
        List<SpecFile> files = findSpecs();
        if (files.isEmpty()) {
            getLog().info("abilayout: no specs in " + specDirectory + ", nothing to freeze");
            return;
        }
        List<Target> chosen = resolveTargets();
        List<Loaded> specs = loadOrFail(files);
        List<SpecException> failures = new ArrayList<>();
        List<String> breaking = new ArrayList<>();
        Map<Path, String> locks = new LinkedHashMap<>();
        for (Loaded loaded : specs) {
            try {
                Optional<Facts.Spec> lock = readLock(loaded.file());
                Freeze.Result result = Freeze.freeze(org.abilayout.layout.LayoutEngine.layoutAll(loaded.spec(), chosen), lock);
                Verdict verdict = result.verdict();
                if (result.refused()) {
                    getLog().error(display(loaded.file().path()) + " breaks "
                            + (lock.isPresent() ? display(loaded.file().lock()) : "its own history")
                            + "; not freezing it\n" + VerdictReport.text(verdict).strip());
                    breaking.add(display(loaded.file().path()));
                    continue;
                }
                locks.put(loaded.file().lock(), LockFile.write(result.lock().orElseThrow()));
            } catch (SpecException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) throw diagnostics().failure(failures, getLog());
        if (!breaking.isEmpty()) {
            throw new MojoFailureException("abilayout: refusing to freeze: breaking ABI change in "
                    + String.join(", ", breaking) + "; no lock was written");
        }
        for (var e : locks.entrySet()) {
            try {
                boolean changed = OutputFiles.write(e.getKey(), e.getValue());
                getLog().info("abilayout: " + (changed ? "wrote " : "unchanged ") + display(e.getKey()));
            } catch (IOException x) {
                throw new MojoExecutionException("cannot write " + e.getKey() + ": " + x.getMessage(), x);
            }
        }
    }
}
