package org.abilayout.abitests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.abilayout.arch.Catalogue;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sizes and alignments {@code examples/glibc/pthreadtypes.layout} pins are glibc's own: for
 * each Debian cross compiler, the real {@code <pthread.h>} is compiled with static asserts of
 * what abilayout computed for that target. No number here is copied from glibc.
 */
class GlibcPthreadTypesTest {

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
        "gcc, x86_64-linux-gnu, gcc",
        "i686-linux-gnu-gcc, i386-linux-gnu, gcc-i686-linux-gnu",
        "s390x-linux-gnu-gcc, s390x-linux-gnu, gcc-s390x-linux-gnu",
        "arm-linux-gnueabihf-gcc, arm-linux-gnueabihf, gcc-arm-linux-gnueabihf",
        "aarch64-linux-gnu-gcc, aarch64-linux-gnu, gcc-aarch64-linux-gnu",
        "powerpc64le-linux-gnu-gcc, powerpc64le-linux-gnu, gcc-powerpc64le-linux-gnu",
        "mips-linux-gnu-gcc, mips-linux-gnu, gcc-mips-linux-gnu",
        "riscv64-linux-gnu-gcc, riscv64-linux-gnu, gcc-riscv64-linux-gnu",
        "m68k-linux-gnu-gcc, m68k-linux-gnu, gcc-m68k-linux-gnu",
    })
    void pinnedSizesAndAlignmentsEqualTheRealGlibcHeaders(String compiler, String target, String debianPackage)
            throws Exception {
        Spec spec = SpecReader.read(Examples.dir().resolve("glibc/pthreadtypes.layout"));
        SpecLayout sl = LayoutEngine.layout(spec, Catalogue.byName(target).orElseThrow());
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
        Process p;
        try {
            p = new ProcessBuilder(compiler, "-std=c11", "-fsyntax-only", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(compiler + " is not installed: install the Debian package " + debianPackage, e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError(compiler + " timed out");
        assertEquals(0, p.exitValue(), () -> "glibc's own header disagrees with abilayout on " + target + ":\n" + c + out);
    }
}
