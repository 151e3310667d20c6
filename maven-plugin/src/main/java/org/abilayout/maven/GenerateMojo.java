package org.abilayout.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.abilayout.arch.Target;
import org.abilayout.codegen.GeneratedFile;
import org.abilayout.codegen.Generators;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.source.DiagnosticPrinter;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates Java accessors (added as a compile source root) and C headers from the specs, and,
 * if asked, layout reports.
 *
 * <p>Incremental: when neither the specs nor the plugin and its configuration changed since the last
 * successful run, it writes nothing and says so in one line; otherwise it regenerates the specs
 * that changed (all of them when the configuration did) and deletes what removed specs produced.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractSpecMojo {

    /**
     * The Java package of the generated classes. Default: the spec's own {@code package}
     * declaration ({@code package freebsd.umtx;} gives {@code freebsd.umtx}).
     */
    @Parameter(property = "abilayout.javaPackage")
    private String javaPackage;

    /** Where Java accessors are written; added to the project's compile source roots. */
    @Parameter(property = "abilayout.javaOutputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/abilayout", required = true)
    private File javaOutputDirectory;

    /** Where C headers are written, one per spec. */
    @Parameter(property = "abilayout.cOutputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/abilayout-c", required = true)
    private File cOutputDirectory;

    /** Whether to generate C headers. */
    @Parameter(property = "abilayout.generateC", defaultValue = "true")
    private boolean generateC;

    /** Whether to generate Java accessors (and add their directory as a compile source root). */
    @Parameter(property = "abilayout.generateJava", defaultValue = "true")
    private boolean generateJava;

    /**
     * If set, each spec's layouts on the targets are also written there, as
     * {@code NAME.layout.txt} (pahole-style) and {@code NAME.layout.json} (the format of
     * {@code abilayout layout --format json}). {@code check} writes its verdicts to the same
     * property's directory.
     */
    @Parameter(property = "abilayout.reportDirectory")
    private File reportDirectory;

    /** Where the incremental state (fingerprints, files produced per spec) is kept. */
    @Parameter(defaultValue = "${project.build.directory}/abilayout", readonly = true, required = true)
    private File stateDirectory;

    /** The running plugin: its version (and, for snapshots, its jars) are part of the fingerprint. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("abilayout: generate skipped");
            return;
        }
        if (generateJava) project.addCompileSourceRoot(javaOutputDirectory.getAbsolutePath());
        List<SpecFile> files = findSpecs();
        Path stateFile = stateDirectory.toPath().resolve("generate.state");
        Optional<GenerationState> previous = GenerationState.read(stateFile);
        String config = configFingerprint();
        // the last run's outputs can be kept only if it ran with this configuration and they are all still there
        Optional<GenerationState> reusable = previous.filter(s -> s.config().equals(config)
                && s.outputs().stream().allMatch(Files::isRegularFile));
        SortedMap<String, String> hashes = new TreeMap<>();
        for (SpecFile f : files) hashes.put(f.relative(), contentHash(f));
        List<SpecFile> changed = files.stream().filter(f -> !unchanged(reusable, f, hashes.get(f.relative()))).toList();
        if (reusable.isPresent() && changed.isEmpty() && reusable.get().specs().keySet().equals(hashes.keySet())) {
            getLog().info("abilayout: " + count(files.size(), "spec") + " unchanged since the last run, nothing to generate");
            return;
        }

        // a configuration that ran before had valid targets: only now is the catalogue needed
        List<Target> chosen = resolveTargets();
        // from here on the old state no longer describes the outputs: never let it skip a later run
        deleteState(stateFile);
        List<Loaded> specs = loadOrFail(changed);
        SortedMap<String, GenerationState.SpecState> produced = new TreeMap<>();
        List<SpecException> failures = new ArrayList<>();
        int written = 0;
        for (Loaded loaded : specs) {
            try {
                List<Path> outputs = generate(loaded, chosen);
                written += outputs.size();
                produced.put(loaded.file().relative(), new GenerationState.SpecState(hashes.get(loaded.file().relative()), outputs));
            } catch (SpecException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) throw diagnostics().failure(failures, getLog());
        // specs that did not change keep what they produced last time
        reusable.ifPresent(s -> files.forEach(f -> produced.putIfAbsent(f.relative(), s.specs().get(f.relative()))));
        failOnClashes(produced);
        GenerationState now = new GenerationState(config, produced);
        int deleted = deleteStale(previous.map(GenerationState::outputs).orElse(List.of()), now.outputs());
        try {
            now.write(stateFile);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + stateFile + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            getLog().info("abilayout: no specs in " + specDirectory + (deleted > 0 ? ", deleted " + count(deleted, "stale file") : ""));
            return;
        }
        getLog().info("abilayout: generated " + count(written, "file") + " from " + count(changed.size(), "spec")
                + (files.size() > changed.size() ? " (" + (files.size() - changed.size()) + " unchanged)" : "")
                + (deleted > 0 ? ", deleted " + count(deleted, "stale file") : ""));
    }

    private static List<Path> written(Path dir, List<GeneratedFile> files) throws IOException {
        return OutputFiles.write(dir, files).stream().map(OutputFiles.Written::path).toList();
    }

    private List<Path> generate(Loaded loaded, List<Target> targets) throws SpecException, MojoExecutionException {
        List<Path> outputs = new ArrayList<>();
        try {
            // laid out once, for every output of this spec
            Layouts layouts = LayoutEngine.layoutAll(loaded.spec(), targets);
            if (generateC) outputs.addAll(written(cOutputDirectory.toPath(), Generators.c(layouts)));
            if (generateJava) {
                Generators.JavaOutput java = Generators.java(layouts,
                        Optional.ofNullable(javaPackage).filter(p -> !p.isBlank()), false);
                if (!java.warnings().isEmpty()) {
                    getLog().warn(DiagnosticPrinter.render(java.warnings(), List.of(loaded.spec().source())).strip());
                }
                outputs.addAll(written(javaOutputDirectory.toPath(), java.files()));
            }
            if (reportDirectory != null) {
                outputs.addAll(written(reportDirectory.toPath(), Generators.reports(layouts, loaded.file().reportName())));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the output of " + display(loaded.file().path()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a generator's own limit or bug: at least say which spec hit it
            throw new MojoExecutionException("abilayout: cannot generate from " + display(loaded.file().path()) + ": " + e.getMessage(), e);
        }
        return outputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * Two specs that write the same file (same package, so the same header name or the same
     * {@code Constants} class) would silently overwrite each other: refuse, naming both.
     */
    private void failOnClashes(SortedMap<String, GenerationState.SpecState> produced) throws MojoFailureException {
        Map<Path, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        produced.forEach((spec, state) -> {
            for (Path p : state.outputs()) {
                String other = owner.putIfAbsent(p, spec);
                if (other != null) clashes.add(other + " and " + spec + " both generate " + display(p));
            }
        });
        if (!clashes.isEmpty()) {
            throw new MojoFailureException("abilayout: specs overwrite each other's output; give them different"
                    + " packages (and set no javaPackage, which applies to every spec)\n" + String.join("\n", clashes));
        }
    }

    /** Everything besides the specs that decides what generation produces. */
    private String configFingerprint() {
        Fingerprint fp = new Fingerprint()
                .add("plugin", plugin.getId())
                .add("specDirectory", specDirectory.getAbsolutePath())
                .add("includes", includes)
                .add("excludes", excludes)
                .add("targets", targets) // as configured: resolving them needs the catalogue, which a no-op run skips
                .add("javaPackage", javaPackage)
                .add("javaOutputDirectory", javaOutputDirectory.getAbsolutePath())
                .add("cOutputDirectory", cOutputDirectory.getAbsolutePath())
                .add("generateC", generateC)
                .add("generateJava", generateJava)
                .add("reportDirectory", reportDirectory == null ? "" : reportDirectory.getAbsolutePath());
        // a rebuilt snapshot keeps its version but may generate differently
        for (Artifact a : plugin.getArtifacts()) {
            if (a.isSnapshot() && a.getFile() != null) {
                File jar = a.getFile();
                fp.add(a.getId(), jar.length() + "@" + jar.lastModified());
            }
        }
        return fp.hex();
    }

    private static boolean unchanged(Optional<GenerationState> reusable, SpecFile f, String hash) {
        return reusable.map(s -> s.specs().get(f.relative())).map(before -> before.hash().equals(hash)).orElse(false);
    }

    private static String contentHash(SpecFile f) throws MojoExecutionException {
        try {
            return new Fingerprint().add(Files.readAllBytes(f.path())).hex();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + f.path() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteState(Path stateFile) throws MojoExecutionException {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot delete " + stateFile + ": " + e.getMessage(), e);
        }
    }

    /** Deletes what an earlier run produced and this one did not, and the directories it empties. */
    private int deleteStale(List<Path> before, List<Path> now) throws MojoExecutionException {
        Set<Path> keep = new HashSet<>(now);
        List<Path> roots = new ArrayList<>(List.of(javaOutputDirectory.toPath().toAbsolutePath().normalize(),
                cOutputDirectory.toPath().toAbsolutePath().normalize()));
        if (reportDirectory != null) roots.add(reportDirectory.toPath().toAbsolutePath().normalize());
        int deleted = 0;
        for (Path p : before) {
            if (keep.contains(p)) continue;
            try {
                if (Files.deleteIfExists(p)) {
                    deleted++;
                    getLog().debug("abilayout: deleted stale " + p);
                }
                for (Path dir = p.getParent(); strictlyBelow(dir, roots); dir = dir.getParent()) {
                    try (var entries = Files.list(dir)) {
                        if (entries.findAny().isPresent()) break;
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("cannot delete stale output " + p + ": " + e.getMessage(), e);
            }
        }
        return deleted;
    }

    private static boolean strictlyBelow(Path dir, List<Path> roots) {
        return dir != null && roots.stream().anyMatch(r -> dir.startsWith(r) && !dir.equals(r));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
