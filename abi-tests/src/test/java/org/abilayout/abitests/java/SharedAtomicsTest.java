package org.abilayout.abitests.java;

import static org.abilayout.abitests.java.Compiled.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.Spec;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.RunningProcess;
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
        Stream<DynamicTest> host = Stream.of(DynamicTest.dynamicTest("the host", () -> race(Toolchain.requireHost())));
        return Stream.concat(host, Stream.of("s390x-linux-gnu", "aarch64-linux-gnu", "i386-linux-gnu", "arm-linux-gnueabihf")
                .map(Toolchain::of).filter(Toolchain::emulated)
                .map(tc -> DynamicTest.dynamicTest(tc.target().name(), () -> race(tc))));
    }

    private static void race(Toolchain tc) throws Exception {
        Spec spec = TestSpecs.packed();
        Target target = tc.target();
        Path work = Files.createDirectories(dir.resolve(target.name()));
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
            boolean host = !tc.emulated();
            Class<?> type = code.type(host ? "Counter$Host" : "Counter");
            Object counter = host ? null : code.accessor("Counter", target.name());
            try (RunningProcess p = tc.command(exe, file.toString()).start()) {
                // the C side says it is ready; one that died or hangs first fails here, not forever
                while ((short) call(type, counter, "tag", s) != 1) {
                    if (!p.isAlive() || p.overdue()) fail("the C side never got ready:\n" + p.outputSoFar());
                    VarHandle.acquireFence();
                }
                call(type, counter, "tag", s, (short) 2);
                VarHandle.fullFence();
                for (int i = 0; i < N; i++) {
                    call(type, counter, "count_getAndAdd", s, 1);
                    call(type, counter, "total_getAndAdd", s, 3L);
                }
                ProcessResult r = p.await();
                assertEquals(0, r.exitCode(), r::output);
            }
            assertEquals(2 * N, call(type, counter, "count_getVolatile", s));
            assertEquals(6L * N, call(type, counter, "total_getVolatile", s));
        }
    }
}
