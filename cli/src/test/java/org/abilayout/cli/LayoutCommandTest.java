package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

class LayoutCommandTest {
    /** Hands out the hand-built spec and remembers which file was asked for. */
    private final List<Path> asked = new ArrayList<>();
    private final SpecSource demo = file -> {
        asked.add(file);
        return TestSpecs.pairAndWord();
    };

    @Test
    void jsonHasTheContractShapeInTheRequestedTargetOrder() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--target", "i386-linux-gnu,x86_64-linux-gnu",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(Path.of("demo.layout")), asked);
        Map<String, Object> doc = object(MiniJson.parse(r.out()));
        assertEquals(List.of("package", "types"), List.copyOf(doc.keySet()));
        assertEquals("demo", doc.get("package"));
        List<Object> types = list(doc.get("types"));
        assertEquals(2, types.size());

        Map<String, Object> pair = object(types.get(0));
        assertEquals(List.of("name", "kind", "layouts"), List.copyOf(pair.keySet()));
        assertEquals("pair", pair.get("name"));
        assertEquals("struct", pair.get("kind"));
        Map<String, Object> layouts = object(pair.get("layouts"));
        assertEquals(List.of("i386-linux-gnu", "x86_64-linux-gnu"), List.copyOf(layouts.keySet()));
        Map<String, Object> lp64 = object(layouts.get("x86_64-linux-gnu"));
        assertEquals(List.of("size", "align", "fields"), List.copyOf(lp64.keySet()));
        assertEquals(16L, lp64.get("size"));
        assertEquals(8L, lp64.get("align"));
        List<Object> fields = list(lp64.get("fields"));
        assertEquals(List.of("name", "offset", "size", "align"), List.copyOf(object(fields.get(1)).keySet()));
        assertEquals(Map.of("name", "l", "offset", 8L, "size", 8L, "align", 8L), object(fields.get(1)));
        assertEquals(Map.of("name", "l", "offset", 4L, "size", 4L, "align", 4L),
                object(list(object(layouts.get("i386-linux-gnu")).get("fields")).get(1)));

        Map<String, Object> word = object(types.get(1));
        assertEquals("union", word.get("kind"));
    }

    @Test
    void allTargetsAreTheDefaultInCatalogueOrder() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--format=json");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> layouts = object(object(list(object(MiniJson.parse(r.out())).get("types")).get(0))
                .get("layouts"));
        assertEquals(Catalogue.all().stream().map(Target::name).toList(), List.copyOf(layouts.keySet()));
        CliRun all = CliRun.run(demo, "layout", "demo.layout", "--format=json", "-t", "all");
        assertEquals(r.out(), all.out());
    }

    @Test
    void repeatedTargetsAreListedOnce() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "-f", "json", "-t", "x86_64-linux-gnu",
                "-t", "m68k-linux-gnu,x86_64-linux-gnu");
        assertEquals(0, r.exit(), r.err());
        Map<String, Object> layouts = object(object(list(object(MiniJson.parse(r.out())).get("types")).get(0))
                .get("layouts"));
        assertEquals(List.of("x86_64-linux-gnu", "m68k-linux-gnu"), List.copyOf(layouts.keySet()));
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String first = CliRun.run(demo, "layout", "demo.layout").out();
        assertEquals(first, CliRun.run(demo, "layout", "demo.layout").out());
        String firstJson = CliRun.run(demo, "layout", "demo.layout", "-f", "json").out();
        assertEquals(firstJson, CliRun.run(demo, "layout", "demo.layout", "-f", "json").out());
    }

    @Test
    void textIsTheDefaultFormat() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--target", "x86_64-linux-gnu");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("""
                struct pair on x86_64-linux-gnu

                struct pair {
                    char c; /*     0     1 */

                    /* XXX 7 bytes hole, try to pack */

                    long l; /*     8     8 */
                """), r.out());
    }

    @Test
    void textComparesTargetsWhenSeveralAreAsked() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--target", "x86_64-linux-gnu,i386-linux-gnu");
        assertTrue(r.out().startsWith("struct pair: 2 layouts on 2 targets; offsets differ for l\n"), r.out());
        assertTrue(r.out().contains("union word: one layout on all 2 targets\n"), r.out());
    }

    @Test
    void anUnknownTargetIsBadInputWithCloseNames() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--target", "x86-64-linux-gnu");
        assertEquals(2, r.exit());
        assertEquals("""
                abilayout: unknown target 'x86-64-linux-gnu'; did you mean x86_64-linux-gnu, x86_64-linux-gnux32?
                run 'abilayout targets' for the list of targets, or use --target all
                """, r.err());
        assertEquals("", r.out());
        assertEquals(List.of(), asked, "targets are checked before the spec is read");
    }

    @Test
    void closeNamesCoverPrefixesAndTypos() {
        assertEquals(List.of("aarch64-apple-darwin", "x86_64-apple-darwin"),
                TargetSelection.closeNames("arm64-apple-darwin"));
        assertEquals(List.of("i386-linux-gnu", "i386-windows-msvc", "i386-freebsd"), TargetSelection.closeNames("i386"));
        assertEquals(List.of(), TargetSelection.closeNames("vax-ultrix"));
    }

    @Test
    void anEmptyTargetNameIsBadInput() {
        CliRun r = CliRun.run(demo, "layout", "demo.layout", "--target", "x86_64-linux-gnu,,i386-linux-gnu");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("abilayout: empty target name"), r.err());
    }

    @Test
    void aSpecErrorPrintsTheRenderedDiagnosticAndExitsTwo() {
        String text = "package demo;\nstruct s { int x };\n";
        SourceFile src = new SourceFile("demo.layout", text);
        SpecException error = new SpecException(
                Diagnostic.error(new SourcePos("demo.layout", 2, 17, 30), "expected ';' after member"), src);
        CliRun r = CliRun.run(file -> {
            throw error;
        }, "layout", "demo.layout");
        assertEquals(2, r.exit());
        assertEquals("""
                demo.layout:2:17: error: expected ';' after member
                struct s { int x };
                                ^
                """, r.err());
        assertEquals("", r.out());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
