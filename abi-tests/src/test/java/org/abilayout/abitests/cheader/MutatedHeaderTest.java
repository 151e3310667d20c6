package org.abilayout.abitests.cheader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Storage;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header's assertions catch layout drift exactly where it happens: a header patched by hand
 * fails to compile on precisely the targets whose layout the patch changes, with a static
 * assertion (not a syntax error), and compiles everywhere else.
 */
class MutatedHeaderTest {
    @TempDir
    Path dir;

    @Test
    void droppingTheIlp32PadWordFailsExactlyWhereTheMemberExists() throws Exception {
        Spec spec = Specs.umtx();
        Set<String> expected = targets(t -> {
            try {
                return LayoutEngine.layout(spec, t).record("umutex").orElseThrow().fields().stream()
                        .anyMatch(f -> f.name().equals("m_pad"));
            } catch (SpecException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(targets(t -> t.dataModel() == org.abilayout.arch.DataModel.ILP32), expected,
                "m_pad is @if(ilp32)");
        assertFailsExactlyOn(spec, "    uint32_t m_pad;\n", "", expected);
    }

    @Test
    void swappingTheFirstTwoMembersOfTheExampleUmutexFailsEverywhere() throws Exception {
        Spec spec = Specs.examples().stream().filter(s -> s.source().name().endsWith("freebsd/umtx.layout"))
                .findFirst().orElseThrow();
        // both are 4-byte words, so the swap moves each to the other's offset on every target
        Set<String> expected = targets(t -> {
            try {
                var fields = LayoutEngine.layout(spec, t).record("umutex").orElseThrow().fields();
                return fields.get(0).offset() != fields.get(1).offset();
            } catch (SpecException e) {
                throw new AssertionError(e);
            }
        });
        String owner = "    volatile lwpid_t m_owner;\n";
        String flags = "    uint32_t m_flags;\n";
        assertFailsExactlyOn(spec, owner + flags, flags + owner, expected);
    }

    @Test
    void wideningLongToLongLongFailsWhereTheyDiffer() throws Exception {
        // where long and long long have the same size and alignment (LP64) nothing moves
        Set<String> expected = targets(t -> !t.info(Storage.LONG).equals(t.info(Storage.LONG_LONG)));
        assertFailsExactlyOn(Specs.holes(), "    long l;\n", "    long long l;\n", expected);
    }

    @Test
    void swappingDoubleForInt64ChangesNothingAndCompilesEverywhere() throws Exception {
        Set<String> expected = targets(t -> !t.info(Storage.DOUBLE).equals(t.info(Storage.LONG_LONG)));
        assertEquals(Set.of(), expected, "double and int64_t share size and alignment on every catalogue target");
        assertFailsExactlyOn(Specs.holes(), "    double y;\n", "    int64_t y;\n", expected);
    }

    private void assertFailsExactlyOn(Spec spec, String from, String to, Set<String> expected) throws Exception {
        String header = new CHeaderGenerator().generate(spec, "mutated.layout", Catalogue.all());
        assertEquals(1, header.split(java.util.regex.Pattern.quote(from), -1).length - 1, "the patch applies once: " + from);
        Files.writeString(dir.resolve("mutated.h"), header.replace(from, to));
        Path file = Files.writeString(dir.resolve("mutated.c"), "#include \"mutated.h\"\n");
        Set<String> failed = new LinkedHashSet<>();
        for (Target t : Catalogue.all()) {
            Compiler.Result r = Compiler.syntaxCheck(t, Compiler.Language.C11, file, List.of());
            if (!r.ok()) {
                failed.add(t.name());
                assertTrue(r.output().contains("static assertion failed") || r.output().contains("static_assert"),
                        () -> t.name() + " failed for another reason than an assertion:\n" + r.output());
            }
        }
        assertEquals(expected, failed);
    }

    private static Set<String> targets(Predicate<Target> p) {
        return Catalogue.all().stream().filter(p).map(Target::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
