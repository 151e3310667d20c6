package org.abilayout.abitests.cheader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Cpu;
import org.abilayout.arch.Os;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CPredicates;
import org.abilayout.codegen.c.TargetMacros;
import org.abilayout.spec.predicate.Predicate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preprocessor conditions of the generated headers mean what abilayout means, proven with
 * each target's reference compiler: the identification conditions single out exactly one
 * catalogue target, and every form of {@code @if} predicate translates to a condition that is
 * true exactly where {@link Predicate#test} is.
 */
class TargetConditionsTest {
    private static final String PREFIX = "T";

    /** Every predicate form: data models, byte orders, each cpu and os, target(), and the operators. */
    static List<String> predicates() {
        List<String> p = new ArrayList<>(List.of("lp64", "ilp32", "llp64", "big_endian", "little_endian",
                "!ilp32", "!lp64", "lp64 || llp64", "ilp32 && big_endian", "!(arch(x86_64) || os(windows))",
                "arch(mips, mips64) && little_endian", "target(x86_64-linux-gnux32, i386-windows-msvc, m68k-linux-gnu)",
                "os(linux, freebsd) && !arch(x86_64, i386) || llp64"));
        for (Cpu cpu : Cpu.values()) p.add("arch(" + cpu.specName() + ")");
        for (Os os : Os.values()) p.add("os(" + os.specName() + ")");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> exactlyOneIdentificationConditionHoldsOnEachTarget(@TempDir Path dir) throws IOException {
        StringBuilder c = new StringBuilder(identification());
        List<Target> all = Catalogue.all();
        c.append("#if ");
        for (int i = 0; i < all.size(); i++) c.append(i > 0 ? " + " : "").append("HIT_").append(i);
        c.append(" != 1\n#error \"not exactly one target identified\"\n#endif\n");
        for (int i = 0; i < all.size(); i++) {
            c.append("#if HIT_").append(i).append(" && !defined(EXPECT_").append(i).append(")\n#error \"identified as ")
                    .append(all.get(i).name()).append("\"\n#endif\n");
        }
        c.append("typedef int translation_unit_is_not_empty;\n");
        Path file = Files.writeString(dir.resolve("identify.c"), c);
        return all.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Compiler.Result r = Compiler.syntaxCheck(t, Compiler.Language.C11, file,
                    List.of("-DEXPECT_" + all.indexOf(t)));
            assertTrue(r.ok(), () -> t.name() + ":\n" + r.output());
        }));
    }

    @TestFactory
    Stream<DynamicTest> translatedPredicatesHoldExactlyWhereThePredicateDoes(@TempDir Path dir) {
        CPredicates translator = new CPredicates(n -> Catalogue.byName(n).isPresent() ? TargetMacros.macro(PREFIX, n) : "");
        List<Predicate> predicates = predicates().stream().map(Specs::predicate).toList();
        return Catalogue.all().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            StringBuilder c = new StringBuilder(identification());
            for (Predicate p : predicates) {
                c.append("#if (").append(translator.translate(p)).append(") != ").append(p.test(t) ? 1 : 0)
                        .append("\n#error \"").append(p.spelling()).append(" should be ").append(p.test(t))
                        .append("\"\n#endif\n");
            }
            c.append("typedef int translation_unit_is_not_empty;\n");
            Path file = Files.writeString(dir.resolve("predicates_" + t.name() + ".c"), c);
            Compiler.Result r = Compiler.syntaxCheck(t, Compiler.Language.C11, file, List.of());
            assertTrue(r.ok(), () -> t.name() + ":\n" + r.output());
        }));
    }

    /** HIT_i is 1 where target i's condition holds; the target's macro is defined there, as in a header. */
    private static String identification() {
        StringBuilder c = new StringBuilder();
        List<Target> all = Catalogue.all();
        for (int i = 0; i < all.size(); i++) {
            Target t = all.get(i);
            c.append("#if ").append(TargetMacros.condition(t)).append("\n#define HIT_").append(i).append(" 1\n#define ")
                    .append(TargetMacros.macro(PREFIX, t.name())).append(" 1\n#else\n#define HIT_").append(i)
                    .append(" 0\n#endif\n");
        }
        return c.toString();
    }
}
