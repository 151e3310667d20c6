package org.abilayout.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.compat.Facts;
import org.abilayout.compat.LockFile;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal shares: which specs, for which targets, and how bad input is reported. */
abstract class AbstractSpecMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The directory searched for specs. */
    @Parameter(property = "abilayout.specDirectory", defaultValue = "${project.basedir}/src/main/layout", required = true)
    protected File specDirectory;

    /**
     * Ant-style patterns, relative to {@code specDirectory}, of the specs to use. Default:
     * {@code **}{@code /*.layout}.
     */
    @Parameter
    protected List<String> includes;

    /** Ant-style patterns, relative to {@code specDirectory}, of specs to leave out. Default: none. */
    @Parameter
    protected List<String> excludes;

    /**
     * Target names from the catalogue (clang triples such as {@code x86_64-linux-gnu},
     * {@code i386-freebsd}), or {@code all}. Default: every target in the catalogue.
     */
    @Parameter(property = "abilayout.targets")
    protected List<String> targets;

    /** Skips the goal. */
    @Parameter(property = "abilayout.skip", defaultValue = "false")
    protected boolean skip;

    /** One spec that parsed and resolved. */
    record Loaded(SpecFile file, Spec spec) {}

    /** The specs that parsed, and the diagnostics of those that did not. */
    record LoadResult(List<Loaded> specs, List<SpecException> failures) {}

    protected final MavenDiagnostics diagnostics() {
        return new MavenDiagnostics(project.getBasedir().toPath());
    }

    protected final List<SpecFile> findSpecs() throws MojoExecutionException {
        try {
            return SpecFiles.find(specDirectory.toPath(), includes, excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list specs under " + specDirectory + ": " + e.getMessage(), e);
        }
    }

    protected final List<Target> resolveTargets() throws MojoExecutionException {
        return TargetNames.resolve(targets);
    }

    /** Reads every spec, collecting diagnostics so one run reports all bad specs, as javac does. */
    protected static LoadResult load(List<SpecFile> files) {
        List<Loaded> specs = new ArrayList<>();
        List<SpecException> failures = new ArrayList<>();
        for (SpecFile f : files) {
            try {
                specs.add(new Loaded(f, SpecReader.read(f.path())));
            } catch (SpecException e) {
                failures.add(e);
            }
        }
        return new LoadResult(List.copyOf(specs), List.copyOf(failures));
    }

    /** Reads all specs or fails the build with their diagnostics. */
    protected final List<Loaded> loadOrFail(List<SpecFile> files) throws MojoFailureException {
        LoadResult r = load(files);
        if (!r.failures().isEmpty()) throw diagnostics().failure(r.failures(), getLog());
        return r.specs();
    }

    /** The committed lock next to the spec, if there is one; a malformed lock is a diagnostic. */
    protected static Optional<Facts.Spec> readLock(SpecFile file) throws SpecException, MojoExecutionException {
        Path lock = file.lock();
        if (!Files.exists(lock)) return Optional.empty();
        try {
            return Optional.of(LockFile.read(new SourceFile(lock.toString(), Files.readString(lock, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + lock + ": " + e.getMessage(), e);
        }
    }

    /** A path relative to the project, for short log lines. */
    protected final String display(Path p) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path abs = p.toAbsolutePath();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
