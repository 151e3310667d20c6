package org.abilayout.abitests.java;

import static org.abilayout.abitests.java.Compiled.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.abilayout.arch.Catalogue;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java's generated atomic accessors and C's {@code __atomic} builtins update the same words of a
 * file both processes map, at the same time: no increment is lost on either side.
 */
class SharedAtomicsTest {
    static final int N = 1_000_000;

    @Test
    void javaGetAndAddAndCAtomicFetchAddNeverLoseAnIncrement(@TempDir Path dir) throws Exception {
        Spec spec = TestSpecs.packed();
        var hostTarget = Catalogue.byName("x86_64-linux-gnu").orElseThrow();
        Compiled code = Compiled.generate(spec, Catalogue.all(), dir.resolve("java"));
        String c = "#include <stdint.h>\n#include <stdio.h>\n#include <fcntl.h>\n#include <sys/mman.h>\n#include <unistd.h>\n"
                + CProgram.declarations(spec, hostTarget) + """
                int main(int argc, char **argv) {
                    int fd = open(argv[1], O_RDWR);
                    if (fd < 0) { perror(argv[1]); return 2; }
                    struct abl_counter *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                    if (p == MAP_FAILED) { perror("mmap"); return 2; }
                    __atomic_store_n(&p->tag, 1, __ATOMIC_RELEASE);           /* ready */
                    while (__atomic_load_n(&p->tag, __ATOMIC_ACQUIRE) != 2) { } /* go */
                    for (int i = 0; i < %d; i++) {
                        __atomic_fetch_add(&p->count, 1, __ATOMIC_SEQ_CST);
                        __atomic_fetch_add(&p->total, 3, __ATOMIC_SEQ_CST);
                    }
                    return 0;
                }
                """.formatted(N);
        Path exe = Toolchain.HOST.compile(c, dir, "atomics");
        Path file = dir.resolve("shared.bin");
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = CrossLanguageTest.map(file, 4096, arena);
            Class<?> host = code.type("Counter$Host"); // the static host path
            Object counter = null;
            Process p = new ProcessBuilder(exe.toString(), file.toString()).inheritIO().start();
            while ((short) call(host, counter, "tag", s) != 1) VarHandle.acquireFence();
            call(host, counter, "tag", s, (short) 2);
            VarHandle.fullFence();
            for (int i = 0; i < N; i++) {
                call(host, counter, "count_getAndAdd", s, 1);
                call(host, counter, "total_getAndAdd", s, 3L);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            assertEquals(0, p.exitValue());
            assertEquals(2 * N, call(host, counter, "count_getVolatile", s));
            assertEquals(6L * N, call(host, counter, "total_getVolatile", s));
        }
    }
}
