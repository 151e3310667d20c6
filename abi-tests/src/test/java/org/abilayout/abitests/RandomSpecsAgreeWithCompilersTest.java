package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.abitests.cc.Differential;
import org.abilayout.abitests.gen.SpecGenerator;
import org.abilayout.arch.Catalogue;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;

/**
 * The differential test: random specs, laid out by the engine on every catalogue target, checked
 * fact by fact ({@code sizeof}, {@code _Alignof}, every {@code offsetof}, member sizes and
 * alignments) by each target's reference compiler. Zero mismatches is the only pass.
 *
 * <p>{@code -Dabilayout.seed=N} and {@code -Dabilayout.structs=N} change the seed and the number
 * of top-level structs; see {@code docs/differential.md} for the long run.
 */
class RandomSpecsAgreeWithCompilersTest {
    static final long DEFAULT_SEED = 20261127L;
    static final int DEFAULT_STRUCTS = 2000;
    /** Top-level records per spec (one C file per spec and target). */
    static final int STRUCTS_PER_SPEC = 250;

    static long seed() {
        return Long.getLong("abilayout.seed", DEFAULT_SEED);
    }

    static int structs() {
        return Integer.getInteger("abilayout.structs", DEFAULT_STRUCTS);
    }

    /** The specs of a run: spec {@code i} comes from its own generator, so any one can be regenerated alone. */
    static List<Spec> specs(long seed, int structs) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0, left = structs; left > 0; i++, left -= STRUCTS_PER_SPEC) {
            specs.add(new SpecGenerator(seed * 31 + i).generate("random.seed" + Long.toUnsignedString(seed) + ".b" + i,
                    Math.min(STRUCTS_PER_SPEC, left)));
        }
        return specs;
    }

    @Test
    void engineAgreesWithReferenceCompilerOnEveryTargetForRandomStructs() {
        long seed = seed();
        int structs = structs();
        long start = System.nanoTime();
        Path work = Path.of("target", "differential", "seed-" + Long.toUnsignedString(seed));
        Differential.Report report = Differential.run(specs(seed, structs), Catalogue.all(), work,
                Differential.defaultJobs());
        System.out.printf("differential: seed %d, %d structs, %d targets, %s in %.1f s%n", seed, structs,
                Catalogue.all().size(), report.summary(0).lines().findFirst().orElse(""),
                (System.nanoTime() - start) / 1e9);
        assertTrue(report.clean(), () -> "seed " + seed + " (-Dabilayout.seed=" + seed + " -Dabilayout.structs="
                + structs + "), files under " + work.toAbsolutePath() + "\n" + report.summary(60));
    }
}
