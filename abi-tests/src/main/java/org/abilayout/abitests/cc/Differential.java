package org.abilayout.abitests.cc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abilayout.abitests.render.DeclarationWriter;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.abitests.render.LayoutChecks.Check;
import org.abilayout.abitests.render.LayoutChecks;
import org.abilayout.arch.Target;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.abilayout.testsupport.ProcessResult;

/**
 * Engine versus compiler: for each spec and each target, one C file holding the spec's
 * declarations and a {@code _Static_assert} per fact the engine predicts (see
 * {@link LayoutChecks}), type-checked by the target's reference compiler. Every failed assertion
 * is a {@link Mismatch}; the compiler is then asked for its own value of each. Any other
 * compiler error means the generated C is wrong and is reported as such, never ignored.
 *
 * <p>The files of a target that failed are kept under the work directory ({@code PACKAGE/TARGET.c},
 * with the compiler's {@code .err}) so the failure can be reproduced by hand; those of a target
 * that passed are deleted unless {@code -Dabilayout.keep=true}.
 */
public final class Differential {
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.*?):(\\d+):(\\d+): (?:fatal )?error: (.*)$",
            Pattern.MULTILINE);
    /** Enough to diagnose; more would only slow a badly broken run down. */
    private static final int MAX_PROBED = 500;

    private Differential() {}

    /** One fact on which the engine and the compiler disagree. */
    public record Mismatch(Spec spec, Target target, Compiler compiler, Check check, OptionalLong compilerValue,
            Path file, int line) {
        @Override
        public String toString() {
            return target.name() + ": " + check.describe() + ": engine " + check.expected() + ", " + compiler + " "
                    + (compilerValue.isPresent() ? compilerValue.getAsLong() : "?") + "   [" + file + ":" + line + "]";
        }
    }

    /**
     * The outcome of a run.
     *
     * @param checks how many facts were compared
     * @param errors compiler errors that are not failed checks: the generated C itself is wrong
     */
    public record Report(int checks, List<Mismatch> mismatches, List<String> errors) {
        public boolean clean() {
            return mismatches.isEmpty() && errors.isEmpty();
        }

        /** A readable account: errors, then up to {@code max} mismatches with the C of their records. */
        public String summary(int max) {
            StringBuilder b = new StringBuilder();
            b.append(checks).append(" checks, ").append(mismatches.size()).append(" mismatches, ")
                    .append(errors.size()).append(" compiler errors\n");
            Map<String, Long> perTarget = new java.util.TreeMap<>();
            mismatches.forEach(m -> perTarget.merge(m.target().name(), 1L, Long::sum));
            if (!perTarget.isEmpty()) b.append("mismatches per target: ").append(perTarget).append('\n');
            errors.stream().limit(10).forEach(e -> b.append("ERROR ").append(e).append('\n'));
            mismatches.stream().limit(max).forEach(m -> b.append("MISMATCH ").append(m).append('\n'));
            Set<String> shown = new LinkedHashSet<>();
            DeclarationWriter c = new DeclarationWriter(Dialect.CLANG);
            for (Mismatch m : mismatches) {
                String name = m.check().record().substring(m.check().record().indexOf(' ') + 1);
                if (shown.size() >= 5 || !shown.add(m.spec().packageName() + "." + name)) continue;
                m.spec().record(name).ifPresent(r -> b.append("-- ").append(m.spec().packageName()).append(":\n")
                        .append(c.write(r)));
            }
            return b.toString();
        }
    }

    /** Every spec on every target, each against its reference compiler, {@code jobs} compilers at a time. */
    public static Report run(List<Spec> specs, List<Target> targets, Path workDir, int jobs) {
        return run(specs, targets, Compiler::reference, workDir, jobs);
    }

    /** As {@link #run(List, List, Path, int)}, with the compiler chosen per target by the caller. */
    public static Report run(List<Spec> specs, List<Target> targets, Function<Target, Compiler> compilerFor,
            Path workDir, int jobs) {
        for (Target t : targets) compilerFor.apply(t).require();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (Spec spec : specs) {
                List<SpecLayout> layouts = layout(spec, targets);
                Map<Dialect, String> c = new EnumMap<>(Dialect.class);
                for (Target t : targets) {
                    Dialect d = compilerFor.apply(t).dialect();
                    c.computeIfAbsent(d, k -> new DeclarationWriter(k).write(spec));
                }
                for (SpecLayout layout : layouts) {
                    Compiler cc = compilerFor.apply(layout.target());
                    String declarations = c.get(cc.dialect());
                    Path file = workDir.resolve(spec.packageName()).resolve(layout.target().name() + ".c");
                    futures.add(pool.submit(() -> check(spec, layout, cc, declarations, file)));
                }
            }
            int checks = 0;
            List<Mismatch> mismatches = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Future<Report> f : futures) {
                Report r = f.get();
                checks += r.checks();
                mismatches.addAll(r.mismatches());
                errors.addAll(r.errors());
            }
            return new Report(checks, mismatches, errors);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<SpecLayout> layout(Spec spec, List<Target> targets) {
        try {
            return LayoutEngine.layoutAll(spec, targets).perTarget();
        } catch (SpecException e) {
            throw new IllegalStateException("the engine rejected a spec the compilers accept:\n" + e.render(), e);
        }
    }

    private static Report check(Spec spec, SpecLayout layout, Compiler cc, String declarations, Path file) {
        List<Check> checks = LayoutChecks.of(layout, !cc.isClang());
        StringBuilder src = new StringBuilder(declarations);
        if (!declarations.endsWith("\n")) src.append('\n');
        src.append("/* ").append(layout.target().name()).append(": what the engine says */\n");
        int firstLine = (int) src.chars().filter(ch -> ch == '\n').count() + 1;
        for (Check ch : checks) src.append(ch.staticAssert()).append('\n');
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessResult run = Compiler.run(cc.syntaxOnly(layout.target(), file), file);
        String[] lines = src.toString().split("\n", -1);
        Map<Integer, Check> failed = new HashMap<>();
        List<Integer> failedLines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Matcher m = DIAGNOSTIC.matcher(run.stderr());
        while (m.find()) {
            int line = Integer.parseInt(m.group(2));
            int idx = line - firstLine;
            boolean ours = Path.of(m.group(1)).equals(file);
            if (ours && idx >= 0 && idx < checks.size() && m.group(4).contains("static assert")) {
                if (failed.put(line, checks.get(idx)) == null) failedLines.add(line);
            } else {
                errors.add(layout.target().name() + " " + cc + " " + m.group(0) + "\n    "
                        + (ours && line >= 1 && line <= lines.length ? lines[line - 1].trim() : ""));
            }
        }
        if (run.exitCode() != 0 && failed.isEmpty() && errors.isEmpty()) {
            errors.add(layout.target().name() + " " + cc + " exited " + run.exitCode() + ":\n" + run.stderr());
        }
        List<Mismatch> mismatches = new ArrayList<>();
        List<Integer> probed = failedLines.subList(0, Math.min(MAX_PROBED, failedLines.size()));
        List<OptionalLong> actual = probed.isEmpty() ? List.of()
                : probe(cc, layout.target(), declarations, probed.stream().map(l -> failed.get(l).expr()).toList(),
                        file.resolveSibling(layout.target().name() + ".values.c"), errors);
        for (int i = 0; i < failedLines.size(); i++) {
            int line = failedLines.get(i);
            mismatches.add(new Mismatch(spec, layout.target(), cc, failed.get(line),
                    i < actual.size() ? actual.get(i) : OptionalLong.empty(), file, line));
        }
        if (mismatches.isEmpty() && errors.isEmpty() && !Boolean.getBoolean("abilayout.keep")) {
            // a long run writes gigabytes otherwise; only what failed is worth keeping
            try {
                for (String suffix : List.of("", ".out", ".err")) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Report(checks.size(), mismatches, errors);
    }

    private static List<OptionalLong> probe(Compiler cc, Target target, String declarations, List<String> exprs,
            Path file, List<String> errors) {
        try {
            return ValueProbe.tryValues(cc, target, declarations, exprs, file);
        } catch (IllegalStateException e) {
            errors.add(e.getMessage());
            return List.of();
        }
    }

    /** The number of compilers to run at once: {@code -Dabilayout.jobs}, else one per core. */
    public static int defaultJobs() {
        return Integer.getInteger("abilayout.jobs", Runtime.getRuntime().availableProcessors());
    }

    /** One compiler for every target, whatever the catalogue names as reference (to show where they differ). */
    public static Function<Target, Compiler> always(Compiler cc) {
        return t -> cc;
    }
}
