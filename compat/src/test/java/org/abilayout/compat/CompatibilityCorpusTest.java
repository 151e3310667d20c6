package org.abilayout.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.predicate.PredicateParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility corpus: for every change kind a before/after pair of specs and the expected
 * verdict, per target, in {@code src/test/resources/compat/NAME/expected}. Each line names a kind,
 * a member ({@code -} for the type itself), a severity and the exact set of targets as a
 * predicate over the catalogue. The verdict must match exactly: no missing change, no extra one,
 * no target too many or too few.
 */
class CompatibilityCorpusTest {

    private static Path corpus() throws URISyntaxException {
        return Path.of(CompatibilityCorpusTest.class.getResource("/compat").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyPairGetsExactlyItsExpectedVerdict() throws Exception {
        List<Path> cases;
        try (Stream<Path> s = Files.list(corpus())) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    @Test
    void corpusCoversEveryChangeKindThatTwoSpecsCanShow() throws Exception {
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> s = Files.list(corpus())) {
            for (Path dir : s.filter(Files::isDirectory).toList()) {
                for (String line : Files.readAllLines(dir.resolve("expected"))) {
                    if (!line.isBlank() && !line.startsWith("#")) covered.add(line.split(" ")[0]);
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (ChangeKind k : ChangeKind.values()) missing.add(k.id());
        missing.removeAll(covered);
        // a target disappears only when the catalogue drops one, which two specs cannot show
        missing.remove(ChangeKind.TARGET_REMOVED.id());
        assertEquals(Set.of(), missing, "change kinds without a corpus pair");
    }

    private record Expected(String kind, String member, String severity, SortedSet<String> targets) {}

    private static void check(Path dir) throws Exception {
        List<Target> all = Catalogue.all();
        Verdict v = Compatibility.diff(LayoutEngine.layoutAll(SpecReader.read(dir.resolve("before.layout")), all),
                LayoutEngine.layoutAll(SpecReader.read(dir.resolve("after.layout")), all));
        // merge the verdict's changes by kind, member and severity (facts may differ per target group)
        TreeMap<String, SortedSet<String>> actual = new TreeMap<>();
        for (Change c : v.changes()) {
            String key = c.kind().id() + " " + (c.member().isEmpty() ? "-" : c.member()) + " " + c.severity().label();
            actual.computeIfAbsent(key, k -> new TreeSet<>()).addAll(c.targets());
        }
        TreeMap<String, SortedSet<String>> expected = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("expected"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" ", 4);
            SortedSet<String> targets = new TreeSet<>();
            if (parts[3].equals("all")) {
                all.forEach(t -> targets.add(t.name()));
            } else {
                Predicate p = PredicateParser.parse(parts[3]);
                all.stream().filter(p::test).forEach(t -> targets.add(t.name()));
            }
            expected.computeIfAbsent(parts[0] + " " + parts[1] + " " + parts[2], k -> new TreeSet<>()).addAll(targets);
        }
        assertEquals(render(expected), render(actual), "verdict of " + dir.getFileName());
    }

    private static String render(TreeMap<String, SortedSet<String>> m) {
        List<String> lines = new ArrayList<>();
        m.forEach((k, v) -> lines.add(k + " " + v));
        return String.join("\n", lines);
    }
}
