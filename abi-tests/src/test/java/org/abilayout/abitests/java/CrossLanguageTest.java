package org.abilayout.abitests.java;

import org.abilayout.abitests.HeaderFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.abilayout.testsupport.ProcessResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that generated accessors and C agree, byte for byte, on real compilers: for each
 * representative spec and each target, a C program built by that target's GCC (run under
 * qemu-user when foreign) writes every member through a shared file, the generated Java reads
 * each one back with {@code forTarget} (or {@code forHost} on the host); then Java writes every
 * member and the C program checks each one. Struct sizes are compared too.
 */
class CrossLanguageTest {
    @TempDir
    static Path dir;

    private static final Map<String, Supplier<Spec>> SPECS = new LinkedHashMap<>();
    private static final Map<String, Compiled> CODE = new LinkedHashMap<>();

    static {
        SPECS.put("umtx", TestSpecs::umtx);
        SPECS.put("scalars", TestSpecs::scalars);
        SPECS.put("aggregates", TestSpecs::aggregates);
        SPECS.put("unions", TestSpecs::unions);
        SPECS.put("packed", TestSpecs::packed);
        SPECS.put("freebsd-umtx", () -> example("freebsd/umtx.layout"));
        SPECS.put("glibc-pthreadtypes", () -> example("glibc/pthreadtypes.layout"));
    }

    /** A spec of the repository's {@code examples/}, through the real front end. */
    static Spec example(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path file = p.resolve("examples").resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return SpecReader.read(file);
                } catch (SpecException e) {
                    throw new AssertionError(e.render(), e);
                }
            }
        }
        throw new IllegalStateException("examples/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void generateAndCompile() throws Exception {
        for (var e : SPECS.entrySet()) {
            CODE.put(e.getKey(), Compiled.generate(e.getValue().get(), Catalogue.all(), dir.resolve("java-" + e.getKey())));
        }
    }

    @TestFactory
    Stream<DynamicTest> hostCAndForHostAccessorsAgreeThroughASharedMapping() {
        return SPECS.keySet().stream().map(name -> DynamicTest.dynamicTest(name + " on the host",
                () -> roundTrip(name, Toolchain.requireHost(), true)));
    }

    @TestFactory
    Stream<DynamicTest> emulatedCAndForTargetAccessorsAgreeOnEveryByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Toolchain tc : Toolchain.cross()) {
            for (String name : SPECS.keySet()) {
                tests.add(DynamicTest.dynamicTest(name + " on " + tc.target().name(), () -> roundTrip(name, tc, false)));
            }
        }
        return tests.stream();
    }

    /**
     * The same round trip with the structs from abilayout's generated C header instead of plain C
     * written by the test: Java accessors and {@code gen c} headers agree. (The glibc example's
     * header declares glibc's own tags, which the C library headers the program needs declare too.)
     */
    @TestFactory
    Stream<DynamicTest> programsUsingTheGeneratedCHeaderAgreeWithTheJavaAccessors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : SPECS.keySet()) {
            if (name.startsWith("glibc")) continue;
            tests.add(DynamicTest.dynamicTest(name + " on the host", () -> roundTrip(name, Toolchain.requireHost(), true, true)));
        }
        for (Toolchain tc : Toolchain.cross()) {
            for (String name : SPECS.keySet()) {
                if (name.startsWith("glibc")) continue;
                tests.add(DynamicTest.dynamicTest(name + " on " + tc.target().name(), () -> roundTrip(name, tc, false, true)));
            }
        }
        return tests.stream();
    }

    private static void roundTrip(String name, Toolchain tc, boolean host) throws Exception {
        roundTrip(name, tc, host, false);
    }

    private static void roundTrip(String name, Toolchain tc, boolean host, boolean generatedHeader) throws Exception {
        Spec spec = SPECS.get(name).get();
        Target target = tc.target();
        List<Plan.Instance> plan = Plan.of(spec, target);
        Path work = Files.createDirectories(dir.resolve(name + "-" + target.name() + (generatedHeader ? "-h" : "")));
        String source = generatedHeader
                ? CProgram.sourceWithHeader(spec, target, plan, HeaderFiles.write(spec, Catalogue.all(), work))
                : CProgram.source(spec, target, plan);
        Path exe = tc.compile(source, work, name);
        Path fromC = work.resolve("from-c.bin");
        Path fromJava = work.resolve("from-java.bin");
        long size = (long) plan.size() * Plan.SLOT;

        ProcessResult written = tc.execute(exe, "write", fromC.toString());
        assertEquals(0, written.exitCode(), "C writer failed on " + target.name() + ":\n" + written.output());
        JavaSide java = new JavaSide(CODE.get(name), target, host);
        for (String line : written.output().lines().filter(l -> l.startsWith("SIZE ")).toList()) {
            String[] parts = line.split(" ");
            assertEquals(Long.parseLong(parts[2]), java.byteSize(Plan.className(parts[1])),
                    "sizeof(" + parts[1] + ") on " + target.name());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = map(fromC, size, arena);
            List<String> wrong = java.check(c, plan);
            assertTrue(wrong.isEmpty(), "Java read what C wrote wrongly on " + target.name() + ":\n" + String.join("\n", wrong));
            MemorySegment j = map(fromJava, size, arena);
            java.write(j, c, plan);
            j.force();
        }
        ProcessResult checked = tc.execute(exe, "check", fromJava.toString());
        assertEquals(0, checked.exitCode(), "C read what Java wrote wrongly on " + target.name() + ":\n" + checked.output());
    }

    static MemorySegment map(Path file, long size, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() < size) ch.truncate(size);
            if (ch.size() < size) ch.write(java.nio.ByteBuffer.allocate(1), size - 1);
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        }
    }
}
