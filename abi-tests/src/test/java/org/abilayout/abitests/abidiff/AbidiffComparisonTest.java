package org.abilayout.abitests.abidiff;

import org.abilayout.layout.LayoutEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.compat.Change;
import org.abilayout.compat.Compatibility;
import org.abilayout.compat.Verdict;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.SuiteTools;
import org.abilayout.testsupport.Tools;
import org.junit.jupiter.api.Test;

/**
 * abilayout's verdict next to libabigail's {@code abidiff} on the same change, per target.
 *
 * <p>For every pair of the compatibility corpus ({@code src/test/resources/compat/NAME}) and for
 * FreeBSD's umutex history, the C header of the old and of the new spec is generated, included by
 * a C file that defines one exported function per struct or union taking a pointer to it (so the
 * types reach the DWARF), and compiled with {@code clang-19 -target T -ffreestanding -g -c -fPIC}
 * for a few ELF targets. {@code abidiff before.o after.o} then compares the two objects (libabigail
 * compares ELF relocatable objects), and its exit status is set against abilayout's verdict on
 * that target.
 *
 * <p>The property asserted: wherever abidiff reports an incompatible change (exit bit 8) on a
 * target, abilayout reports a breaking change on that target. Where abilayout says "breaking"
 * and abidiff says less, abilayout sees more: recorded in the table, not a failure.
 *
 * <p>The table is written to {@code target/abidiff/comparison.md}; {@code docs/compatibility.md}
 * carries a copy.
 */
class AbidiffComparisonTest {

    /** ELF targets only: abidiff reads ELF (not Mach-O or PE). */
    static final List<String> TARGETS = List.of("x86_64-linux-gnu", "i386-linux-gnu", "aarch64-linux-gnu",
            "s390x-linux-gnu", "arm-linux-gnueabihf");

    /** libabigail's exit status bits (abidiff(1)). */
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int ABI_CHANGE = 4;
    static final int INCOMPATIBLE = 8;

    /** How many lines of abidiff's report the generated file keeps per comparison. */
    static final int REPORT_LINES = 40;

    enum Ours { BREAKING, COMPATIBLE, NOTHING }

    /** Exit status and merged output of one tool run in {@code dir}. */
    private static ProcessResult run(List<String> cmd, Path dir) {
        return ProcessRunner.of(cmd).in(dir).mergeErrors().timeout(Duration.ofMinutes(2)).run();
    }

    enum Theirs { INCOMPATIBLE, CHANGE, NONE }

    /** One before/after pair; {@code note} says what the test had to do to compile it as C. */
    record Pair(String name, String beforeText, String beforeFile, String afterText, String afterFile) {}

    record Compiled(Pair pair, Verdict verdict, String note) {}

    record Cell(Ours ours, Theirs theirs, int exit, List<String> report, List<String> kinds) {}

    @Test
    void abidiffNeverCatchesAnIncompatibleChangeThatAbilayoutCallsCompatible() throws Exception {
        Tools.require(SuiteTools.CLANG);
        Tools.require(SuiteTools.ABIDIFF);
        long t0 = System.nanoTime();

        Path work = Path.of("target", "abidiff").toAbsolutePath();
        deleteTree(work);
        Path src = Files.createDirectories(work.resolve("src"));

        List<Target> all = Catalogue.all();
        List<Target> targets = new ArrayList<>();
        for (String name : TARGETS) {
            targets.add(Catalogue.byName(name).orElseThrow(() -> new AssertionError(name + " is not in the catalogue")));
        }

        // 1. verdicts, headers, C files
        List<Compiled> compiled = new ArrayList<>();
        List<Path> cFiles = new ArrayList<>();
        for (Pair p : pairs(work)) {
            Spec before = SpecReader.parse(new SourceFile(p.beforeFile(), p.beforeText()));
            Spec after = SpecReader.parse(new SourceFile(p.afterFile(), p.afterText()));
            Verdict verdict = Compatibility.diff(LayoutEngine.layoutAll(before, all), LayoutEngine.layoutAll(after, all));
            List<String> notes = new ArrayList<>();
            cFiles.add(writeC(src, p.name() + "__before", before, p.beforeText(), p.beforeFile(), all, notes));
            cFiles.add(writeC(src, p.name() + "__after", after, p.afterText(), p.afterFile(), all, notes));
            compiled.add(new Compiled(p, verdict, String.join("; ", notes)));
        }
        long t1 = System.nanoTime();

        // 2. one clang-19 run per target compiles every C file
        for (Target t : targets) {
            Path obj = Files.createDirectories(work.resolve("obj").resolve(t.name()));
            List<String> cmd = new ArrayList<>(List.of("clang-19", "-target", t.name(), "-ffreestanding", "-g", "-c",
                    "-fPIC", "-w"));
            cFiles.forEach(f -> cmd.add(f.toString()));
            ProcessResult r = run(cmd, obj);
            if (r.exitCode() != 0) fail("clang-19 failed for " + t.name() + ":\n" + r.output());
        }
        long t2 = System.nanoTime();

        // 3. abidiff on every pair and target, two at a time (the machine is shared)
        Map<String, Map<String, Future<ProcessResult>>> runs = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Compiled c : compiled) {
                Map<String, Future<ProcessResult>> perTarget = new LinkedHashMap<>();
                for (Target t : targets) {
                    Path obj = work.resolve("obj").resolve(t.name());
                    String n = c.pair().name();
                    perTarget.put(t.name(), pool.submit(() -> run(
                            List.of("abidiff", n + "__before.o", n + "__after.o"), obj)));
                }
                runs.put(c.pair().name(), perTarget);
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "abidiff runs timed out");
        } finally {
            pool.shutdownNow();
        }
        long t3 = System.nanoTime();

        // 4. compare
        Map<String, Map<String, Cell>> table = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Compiled c : compiled) {
            Map<String, Cell> row = new LinkedHashMap<>();
            for (Target t : targets) {
                ProcessResult r = runs.get(c.pair().name()).get(t.name()).get();
                if ((r.exitCode() & (ERROR | USAGE)) != 0) {
                    fail("abidiff failed (exit " + r.exitCode() + ") on " + c.pair().name() + " for " + t.name() + ":\n"
                            + r.output());
                }
                Theirs theirs = (r.exitCode() & INCOMPATIBLE) != 0 ? Theirs.INCOMPATIBLE
                        : (r.exitCode() & ABI_CHANGE) != 0 ? Theirs.CHANGE : Theirs.NONE;
                Ours ours = ours(c.verdict(), t.name());
                List<String> report = r.output().lines().limit(REPORT_LINES).toList();
                Cell cell = new Cell(ours, theirs, r.exitCode(), report, kinds(c.verdict(), t.name()));
                row.put(t.name(), cell);
                if (theirs == Theirs.INCOMPATIBLE && ours != Ours.BREAKING) {
                    misses.add(c.pair().name() + " on " + t.name() + ": abidiff exit " + r.exitCode()
                            + ", abilayout " + ours + " " + cell.kinds() + "\n" + String.join("\n", report));
                }
            }
            table.put(c.pair().name(), row);
        }

        String markdown = Report.markdown(compiled, table, TARGETS);
        Files.writeString(work.resolve("comparison.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("reports.md"), Report.details(compiled, table), StandardCharsets.UTF_8);
        long t4 = System.nanoTime();
        System.out.printf("abidiff comparison: %d pairs x %d targets; specs+headers %d ms, clang %d ms, abidiff %d ms,"
                + " report %d ms; table in %s%n", compiled.size(), targets.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2),
                ms(t4 - t3), work.resolve("comparison.md"));

        // the pipeline really reaches abidiff: no change is silent, a size change is seen everywhere
        for (String t : TARGETS) {
            assertEquals(Theirs.NONE, table.get("no_change").get(t).theirs(), "abidiff on no_change for " + t);
            assertNotEquals(Theirs.NONE, table.get("size_changed").get(t).theirs(), "abidiff on size_changed for " + t);
        }
        assertEquals(List.of(), misses, "abidiff reports an incompatible change where abilayout does not break");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** abilayout's verdict on one target: the worst severity of the changes that apply there. */
    static Ours ours(Verdict v, String target) {
        Ours worst = Ours.NOTHING;
        for (Change c : v.changes()) {
            if (!c.targets().contains(target)) continue;
            if (c.isBreaking()) return Ours.BREAKING;
            worst = Ours.COMPATIBLE;
        }
        return worst;
    }

    /** The change kinds that apply on one target, as {@code kind(severity)}, in verdict order. */
    static List<String> kinds(Verdict v, String target) {
        List<String> out = new ArrayList<>();
        for (Change c : v.changes()) {
            if (!c.targets().contains(target)) continue;
            String k = c.kind().id() + (c.isBreaking() ? "" : " (" + c.severity().label() + ")");
            if (!out.contains(k)) out.add(k);
        }
        return out;
    }

    // --- the pairs -------------------------------------------------------------------------------

    static List<Pair> pairs(Path work) throws IOException, URISyntaxException {
        List<Pair> out = new ArrayList<>();
        Path corpus = Path.of(AbidiffComparisonTest.class.getResource("/compat").toURI());
        try (Stream<Path> s = Files.list(corpus)) {
            for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                out.add(new Pair(name, Files.readString(dir.resolve("before.layout")), "compat/" + name + "/before.layout",
                        Files.readString(dir.resolve("after.layout")), "compat/" + name + "/after.layout"));
            }
        }
        Path freebsd = examples().resolve("freebsd");
        String v1 = Files.readString(freebsd.resolve("history/umtx-v1.layout"));
        String v2 = Files.readString(freebsd.resolve("umtx.layout"));
        out.add(new Pair("umutex_v1_to_v2", v1, "history/umtx-v1.layout", v2, "umtx.layout"));
        String padLine = "    @since(2) @if(ilp32) uint32_t m_pad;\n";
        assertTrue(v2.contains(padLine), "umtx.layout no longer has the m_pad line this test removes");
        out.add(new Pair("umutex_v1_to_v2_without_m_pad", v1, "history/umtx-v1.layout", v2.replace(padLine, ""),
                "umtx-without-pad.layout"));
        return out;
    }

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples");
            if (Files.isDirectory(candidate.resolve("freebsd"))) return candidate;
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    // --- C files ---------------------------------------------------------------------------------

    /**
     * Writes {@code BASE.h} (the generated header) and {@code BASE.c} (one exported function per
     * struct and union). A spec that breaks its own {@code @offset}/{@code @size}/{@code @pad_to}
     * pins has no header (the generator refuses it); it is compiled without the pins, which is
     * the C a project without abilayout would have written, and {@code notes} says so.
     */
    static Path writeC(Path dir, String base, Spec spec, String text, String file, List<Target> all, List<String> notes)
            throws IOException, SpecException {
        String header;
        try {
            header = new CHeaderGenerator().generate(spec, file, all);
        } catch (SpecException refused) {
            String unpinned = text.replaceAll("@(offset|size|pad_to)\\([^)]*\\)\\s*", "");
            spec = SpecReader.parse(new SourceFile(file, unpinned));
            header = new CHeaderGenerator().generate(spec, file, all);
            notes.add(base.substring(base.lastIndexOf("__") + 2) + " compiled without its pins (the header generator"
                    + " refuses a spec that breaks them)");
        }
        Files.writeString(dir.resolve(base + ".h"), header, StandardCharsets.UTF_8);
        // a spec without structs (enums and constants only) still needs one symbol for abidiff to read
        StringBuilder c = new StringBuilder("#include \"" + base + ".h\"\n\nvoid abidiff_anchor(void) {}\n");
        for (RecordDecl r : spec.records()) {
            if (r.name().isEmpty()) continue;
            String type = r.kind().keyword() + " " + r.name();
            c.append("void abidiff_use_").append(r.name()).append("(").append(type).append(" *p) { (void)p; }\n");
        }
        Path out = dir.resolve(base + ".c");
        Files.writeString(out, c.toString(), StandardCharsets.UTF_8);
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
