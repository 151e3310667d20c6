package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every output of every example (the text and JSON reports, the {@code check}
 * verdict, the C header and the Java classes) is compared byte for byte with a file under
 * {@code cli/src/test/golden/}, so that every change to an emitter is a diff a reviewer reads.
 *
 * <p>After an intended change, regenerate them with
 * {@code ./mvnw -pl cli -am verify -Dtest=GoldenOutputTest -Dabilayout.golden.update=true}
 * and read the diff before committing it.
 */
class GoldenOutputTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GOLDEN = ROOT.resolve("cli/src/test/golden");
    private static final boolean UPDATE = Boolean.getBoolean("abilayout.golden.update");

    @TempDir
    Path tmp;

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("umtx", ROOT.resolve("examples/freebsd/umtx.layout")),
                Arguments.of("umtx-v1", ROOT.resolve("examples/freebsd/history/umtx-v1.layout")),
                Arguments.of("glibc", ROOT.resolve("examples/glibc/pthreadtypes.layout")),
                Arguments.of("declarators", GOLDEN.resolve("declarators/declarators.layout")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyOutputOfTheExampleIsItsGoldenFile(String name, Path spec) throws IOException {
        Path dir = GOLDEN.resolve(name);
        TreeMap<String, String> actual = new TreeMap<>();
        actual.put("layout.txt", command(spec, "layout", spec.toString()));
        actual.put("layout.json", command(spec, "layout", spec.toString(), "--format", "json"));
        actual.put("check.txt", command(spec, "check", spec.toString()));
        Path c = tmp.resolve("c");
        command(spec, "gen", "c", spec.toString(), "-o", c.toString());
        Path java = tmp.resolve("java");
        command(spec, "gen", "java", spec.toString(), "-o", java.toString());
        collect(c, "c/", actual);
        collect(java, "java/", actual);
        if (UPDATE) {
            write(dir, actual);
            return;
        }
        TreeMap<String, String> expected = new TreeMap<>();
        collect(dir, "", expected);
        expected.remove(spec.getFileName().toString());
        List<String> problems = new ArrayList<>();
        for (String f : expected.keySet()) if (!actual.containsKey(f)) problems.add("no longer generated: " + f);
        for (String f : actual.keySet()) if (!expected.containsKey(f)) problems.add("new output without a golden file: " + f);
        if (!problems.isEmpty()) fail(String.join("\n", problems) + "\n(regenerate with -Dabilayout.golden.update=true)");
        for (var e : actual.entrySet()) {
            assertEquals(expected.get(e.getKey()), e.getValue(), name + "/" + e.getKey()
                    + " differs from its golden file (regenerate with -Dabilayout.golden.update=true and read the diff)");
        }
    }

    /** Runs a command in process; its stdout, with the spec's absolute directory made relative. */
    private static String command(Path spec, String... args) {
        CliRun r = CliRun.run(SpecSource.READER, args);
        if (r.exit() > 1) fail(String.join(" ", args) + " exited " + r.exit() + ":\n" + r.err());
        return r.out().replace(spec.getParent().toString() + "/", "");
    }

    private static void collect(Path dir, String prefix, TreeMap<String, String> into) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                into.put(prefix + dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    private static void write(Path dir, TreeMap<String, String> outputs) throws IOException {
        for (String sub : List.of("c", "java")) {
            Path d = dir.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
        }
        for (var e : outputs.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
