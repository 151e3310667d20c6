package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.abilayout.abitests.cc.Compiler;
import org.abilayout.abitests.cc.Differential;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.junit.jupiter.api.Test;

/**
 * A second opinion for the Linux targets: the catalogue takes clang-19 as the reference for
 * them, but the platform is built by GCC, and where the two disagree GCC is the platform's ABI
 * (as on m68k). So the random specs are also checked against the GCC cross compilers CI installs
 * (x86_64, i686, aarch64, arm hard-float, mips, powerpc64le, riscv64, s390x, m68k). GCC also
 * reports each member's own alignment ({@code __alignof__} of a member), so packed members'
 * alignments are checked here too. A disagreement is a catalogue finding: GCC wins.
 */
class PlatformGccAgreesTest {
    /** The same specs as the clang run by default; {@code -Dabilayout.gccStructs=N} to change. */
    private static int structs() {
        return Integer.getInteger("abilayout.gccStructs", RandomSpecsAgreeWithCompilersTest.structs());
    }

    @Test
    void engineAgreesWithThePlatformsOwnGcc() {
        long seed = RandomSpecsAgreeWithCompilersTest.seed();
        Map<Target, Compiler> gcc = Catalogue.all().stream().filter(t -> Compiler.platformGcc(t).isPresent())
                .collect(Collectors.toMap(Function.identity(), t -> Compiler.platformGcc(t).get(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        assertTrue(gcc.size() >= 9, "expected GCC for 9 Linux targets, have " + gcc.keySet());
        Path work = Path.of("target", "differential-gcc", "seed-" + Long.toUnsignedString(seed));
        Differential.Report report = Differential.run(RandomSpecsAgreeWithCompilersTest.specs(seed, structs()),
                List.copyOf(gcc.keySet()), gcc::get, work, Differential.defaultJobs());
        assertTrue(report.checks() > 0);
        assertTrue(report.clean(), () -> "seed " + seed + ", files under " + work.toAbsolutePath() + "\n"
                + report.summary(60));
    }
}
