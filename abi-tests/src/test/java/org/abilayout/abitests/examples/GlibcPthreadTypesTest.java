package org.abilayout.abitests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.Target;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.Tools;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sizes and alignments {@code examples/glibc/pthreadtypes.layout} pins are glibc's own: for
 * each Debian cross compiler, the real {@code <pthread.h>} is compiled with static asserts of
 * what abilayout computed for that target. No number here is copied from glibc.
 */
class GlibcPthreadTypesTest {

    /** Every catalogue target with a GCC toolchain: glibc's headers come with the Debian cross compiler. */
    static List<Named<Target>> targets() {
        return Catalogue.all().stream().filter(t -> t.gcc().isPresent()).map(t -> Named.of(t.name(), t)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void pinnedSizesAndAlignmentsEqualTheRealGlibcHeaders(Target target) throws Exception {
        Spec spec = SpecReader.read(Examples.dir().resolve("glibc/pthreadtypes.layout"));
        SpecLayout sl = LayoutEngine.layout(spec, target);
        StringBuilder c = new StringBuilder("#include <pthread.h>\n");
        for (String[] pair : new String[][] {{"pthread_mutex_t", "pthread_mutex_t"}, {"pthread_cond_t", "pthread_cond_t"}}) {
            RecordLayout l = sl.record(pair[0]).orElseThrow();
            c.append("_Static_assert(sizeof(").append(pair[1]).append(") == ").append(l.size())
                    .append(", \"sizeof(").append(pair[1]).append(") is not ").append(l.size()).append("\");\n");
            c.append("_Static_assert(_Alignof(").append(pair[1]).append(") == ").append(l.align())
                    .append(", \"_Alignof(").append(pair[1]).append(") is not ").append(l.align()).append("\");\n");
        }
        Path dir = Files.createTempDirectory("glibc");
        Path file = dir.resolve("check.c");
        Files.writeString(file, c, StandardCharsets.UTF_8);
        DebianTool gcc = target.gcc().orElseThrow().cc();
        Tools.require(gcc);
        ProcessResult r = ProcessRunner.of(gcc.executable(), "-std=c11", "-fsyntax-only", file.toString()).mergeErrors()
                .timeout(Duration.ofSeconds(60)).run();
        assertEquals(0, r.exitCode(), () -> "glibc's own header disagrees with abilayout on " + target + ":\n" + c + r.output());
    }
}
