package org.abilayout.abitests.java;

import static org.abilayout.abitests.java.Compiled.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java's generated atomic accessors and C's {@code __atomic} builtins update the same words of a
 * file both processes map, at the same time: no increment is lost on either side. On the host
 * Java uses the static {@code Counter.Host} path; against an emulated target (qemu-user maps the
 * guest's atomics onto the host's) it uses {@code forTarget}, byte-swapping for big-endian s390x.
 */
class SharedAtomicsTest {
    static final int N = 200_000;

    @TempDir
    static Path dir;

    static Compiled code;

    @BeforeAll
    static void compile() throws Exception {
        code = Compiled.generate(TestSpecs.packed(), Catalogue.all(), dir.resolve("java"));
    }

    @TestFactory
    Stream<DynamicTest> javaGetAndAddAndCAtomicFetchAddNeverLoseAnIncrement() {
        // 8-byte atomics are lock-based (process-private) on m68k and mips: not in this proof
        return Stream.of(Toolchain.HOST, cross("s390x-linux-gnu"), cross("aarch64-linux-gnu"), cross("i386-linux-gnu"),
                cross("arm-linux-gnueabihf")).map(tc -> DynamicTest.dynamicTest(tc.target(), () -> race(tc)));
    }

    private static Toolchain cross(String target) {
        return Toolchain.CROSS.stream().filter(t -> t.target().equals(target)).findFirst().orElseThrow();
    }

    private static void race(Toolchain tc) throws Exception {
        Spec spec = TestSpecs.packed();
        Target target = Catalogue.byName(tc.target()).orElseThrow();
        Path work = Files.createDirectories(dir.resolve(tc.target()));
        String c = "#include <stdint.h>\n#include <stdio.h>\n#include <fcntl.h>\n#include <sys/mman.h>\n#include <unistd.h>\n"
                + CProgram.declarations(spec, target) + """
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
        Path exe = tc.compile(c, work, "atomics");
        Path file = work.resolve("shared.bin");
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = CrossLanguageTest.map(file, 4096, arena);
            boolean host = tc == Toolchain.HOST;
            Class<?> type = code.type(host ? "Counter$Host" : "Counter");
            Object counter = host ? null : code.accessor("Counter", target.name());
            java.util.List<String> cmd = new java.util.ArrayList<>();
            tc.emulator().ifPresent(cmd::add);
            cmd.addAll(java.util.List.of(exe.toString(), file.toString()));
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            while ((short) call(type, counter, "tag", s) != 1) VarHandle.acquireFence();
            call(type, counter, "tag", s, (short) 2);
            VarHandle.fullFence();
            for (int i = 0; i < N; i++) {
                call(type, counter, "count_getAndAdd", s, 1);
                call(type, counter, "total_getAndAdd", s, 3L);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            assertEquals(0, p.exitValue());
            assertEquals(2 * N, call(type, counter, "count_getVolatile", s));
            assertEquals(6L * N, call(type, counter, "total_getVolatile", s));
        }
    }
}
