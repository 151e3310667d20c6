package org.abilayout.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.codegen.report.VerdictReport;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.compat.Change;
import org.abilayout.compat.Compatibility;
import org.abilayout.compat.Facts;
import org.abilayout.compat.Severity;
import org.abilayout.compat.Verdict;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every spec against its committed lock ({@code SPEC.lock} next to it) on the configured
 * targets and fails the build on a breaking change, printing the same grouped report as
 * {@code abilayout check}. A spec without a lock is checked against its own history (each
 * {@code @version} against the one before) and its pins, and the log says there is no lock yet.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSpecMojo {

    /**
     * Also fails on notes that no {@code @accept} covers: a renamed member, a version bumped
     * without a layout change, an acknowledgement that matches no change any more. Breaking
     * changes always fail; changes acknowledged with {@code @accept} never do.
     */
    @Parameter(property = "abilayout.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * If set, each spec's verdict is also written there as {@code NAME.verdict.txt} and
     * {@code NAME.verdict.json} (the CLI's text and JSON reports), e.g. for CI to archive.
     * {@code generate} writes its layout reports to the same property's directory.
     */
    @Parameter(property = "abilayout.reportDirectory")
    private File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("abilayout: check skipped");
            return;
        }
        List<SpecFile> files = findSpecs();
        if (files.isEmpty()) {
            getLog().info("abilayout: no specs in " + specDirectory + ", nothing to check");
            return;
        }
        List<Target> chosen = resolveTargets();
        List<Loaded> specs = loadOrFail(files);
        List<SpecException> failures = new ArrayList<>();
        List<String> breaking = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        for (Loaded loaded : specs) {
            Verdict verdict;
            Optional<Facts.Spec> lock;
            try {
                lock = readLock(loaded.file());
                verdict = Compatibility.check(org.abilayout.layout.LayoutEngine.layoutAll(loaded.spec(), chosen), lock);
            } catch (SpecException e) {
                failures.add(e);
                continue;
            }
            String name = display(loaded.file().path());
            String against = lock.isPresent()
                    ? name + " against " + display(loaded.file().lock())
                    : name + ": no lock yet, checked against its own versions and pins only"
                            + " (run abilayout:freeze when you release it)";
            String report = message(against, VerdictReport.text(verdict));
            boolean warns = unacknowledgedNotes(verdict);
            if (verdict.isBreaking()) {
                getLog().error(report);
                breaking.add(name);
            } else if (warns && failOnWarning) {
                getLog().error(report);
                warned.add(name);
            } else if (warns) {
                getLog().warn(report);
            } else {
                getLog().info(report);
            }
            writeReports(loaded.file(), verdict);
        }
        if (!failures.isEmpty()) throw diagnostics().failure(failures, getLog());
        if (!breaking.isEmpty()) {
            throw new MojoFailureException("abilayout: breaking ABI change in " + String.join(", ", breaking)
                    + " (see the report above)");
        }
        if (!warned.isEmpty()) {
            throw new MojoFailureException("abilayout: unacknowledged notes in " + String.join(", ", warned)
                    + " and failOnWarning is set (see the report above)");
        }
    }

    /** Headline and report; a report that is only its summary line goes on the headline. */
    private static String message(String headline, String report) {
        String r = report.strip();
        return r.contains("\n") ? headline + "\n" + r : headline + ": " + r;
    }

    private static boolean unacknowledgedNotes(Verdict v) {
        return v.changes().stream().anyMatch(CheckMojo::unacknowledgedNote);
    }

    private static boolean unacknowledgedNote(Change c) {
        return c.severity() == Severity.NOTE && c.acknowledged().isEmpty()
                || c.causes().stream().anyMatch(CheckMojo::unacknowledgedNote);
    }

    private void writeReports(SpecFile file, Verdict verdict) throws MojoExecutionException {
        if (reportDirectory == null) return;
        Path dir = reportDirectory.toPath();
        String base = file.reportName();
        try {
            OutputFiles.write(dir.resolve(base + ".verdict.txt"), VerdictReport.text(verdict));
            OutputFiles.write(dir.resolve(base + ".verdict.json"), VerdictReport.json(verdict));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write reports to " + dir + ": " + e.getMessage(), e);
        }
    }
}
