package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.abilayout.abitests.render.DeclarationWriter;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.arch.Catalogue;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

/**
 * The text front end against the model the differential test proved: the random specs are
 * written as spec-language text, read back with {@link SpecReader#parse}, and must lay out
 * exactly as the generated model does on every target (same records, sizes, alignments, and
 * members as {@code offsetof} sees them, with their offsets, sizes and alignments). Together
 * with {@link RandomSpecsAgreeWithCompilersTest} this makes the compilers the judge of the
 * whole pipeline, text to layout.
 *
 * <p>It reads the same specs as the differential run ({@code -Dabilayout.seed},
 * {@code -Dabilayout.structs}).
 */
class ParsedSpecLaysOutLikeModelTest {
    @Test
    void writtenSpecTextParsesToTheSameLayoutsOnEveryTarget() throws Exception {
        long seed = RandomSpecsAgreeWithCompilersTest.seed();
        DeclarationWriter writer = new DeclarationWriter(Dialect.SPEC);
        for (Spec model : RandomSpecsAgreeWithCompilersTest.specs(seed,
                RandomSpecsAgreeWithCompilersTest.structs())) {
            String text = writer.write(model);
            // kept for reading a failure by hand
            java.nio.file.Path file = java.nio.file.Path.of("target", "spec-text", model.packageName() + ".layout");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, text);
            SourceFile source = new SourceFile(file.toString(), text);
            Spec parsed;
            try {
                parsed = SpecReader.parse(source);
            } catch (SpecException e) {
                fail("seed " + seed + ": the parser rejected generated spec " + model.packageName() + ":\n" + e.render());
                return;
            }
            assertEquals(model.packageName(), parsed.packageName());
            List<SpecLayout> expected = LayoutEngine.layoutAll(model, Catalogue.all()).perTarget();
            List<SpecLayout> actual = LayoutEngine.layoutAll(parsed, Catalogue.all()).perTarget();
            for (int t = 0; t < expected.size(); t++) {
                assertEquals(describe(expected.get(t)), describe(actual.get(t)),
                        "seed " + seed + ", " + model.packageName() + " on " + expected.get(t).target().name());
            }
        }
    }

    /** A layout as comparable lines: what must not change between model and parsed text. */
    private static List<String> describe(SpecLayout layout) {
        List<String> out = new ArrayList<>();
        for (RecordLayout r : layout.records()) {
            out.add(r.decl().cName() + " size " + r.size() + " align " + r.align());
            for (FlatField f : r.flatFields()) {
                out.add("  " + f.name() + " @" + f.offset() + " size " + f.size() + " align " + f.align());
            }
        }
        return out;
    }
}
