package org.abilayout.abitests.cheader;

import org.abilayout.abitests.HeaderFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.Target;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.runtime.HostTarget;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Spec;
import org.abilayout.testsupport.Tools;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real program built by the host's own GCC (the catalogue's toolchain of the target the JVM
 * runs on) uses the generated header: it initialises each struct with the generated init
 * function, writes a known byte pattern into every member, checks the pattern lands in exactly
 * that member's bytes, and prints every {@code offsetof}. The printed offsets must be the
 * engine's for the host target.
 */
class NativeRoundTripTest {
    static List<Named<Spec>> specs() {
        return Specs.all().stream().map(s -> Named.of(s.source().name(), s)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void programBuiltWithTheHeaderByTheHostGccSeesTheEngineOffsets(Spec spec, @TempDir Path dir) throws Exception {
        Optional<Target> found = HostTarget.resolve(System.getProperty("os.name"), System.getProperty("os.arch"),
                ValueLayout.ADDRESS.byteSize(), ByteOrder.nativeOrder());
        assumeTrue(found.flatMap(Target::gcc).isPresent(), "the host is no catalogue target with a GCC toolchain");
        Target host = found.get();
        DebianTool gcc = host.gcc().get().cc();
        Path header = HeaderFiles.write(spec, Catalogue.all(), dir);
        List<RecordLayout> records = LayoutEngine.layout(spec, host).records();

        StringBuilder c = new StringBuilder("#include \"" + header.getFileName() + "\"\n#include <stdio.h>\n#include <string.h>\n\n");
        c.append("static int failures;\n");
        c.append("static void check(const void *base, size_t size, size_t off, size_t len, const char *what) {\n")
                .append("    const unsigned char *b = (const unsigned char *)base;\n")
                .append("    for (size_t i = 0; i < size; i++) {\n")
                .append("        unsigned char want = (i >= off && i < off + len) ? 0x5a : 0;\n")
                .append("        if (b[i] != want) { printf(\"BAD %s byte %zu\\n\", what, i); failures++; return; }\n")
                .append("    }\n}\n\nint main(void) {\n");
        List<String> expected = new ArrayList<>();
        for (RecordLayout r : records) {
            String type = r.decl().cName();
            String init = r.decl().name().toLowerCase(java.util.Locale.ROOT) + "_init";
            for (FlatField f : r.flatFields()) {
                boolean flexible = f.field().member().type().unwrap() instanceof CType.ArrayType a && a.isFlexible();
                String what = r.name() + "." + f.name();
                c.append("    {\n        static ").append(type).append(" s;\n")
                        .append("        memset(&s, 0xff, sizeof s);\n        ").append(init).append("(&s);\n");
                for (FlatField v : r.flatFields()) {
                    if (!v.field().member().traits().versionField()) continue;
                    // the init function sets the version field and zeroes everything else
                    String macro = r.decl().name().toUpperCase(java.util.Locale.ROOT) + "_VERSION";
                    c.append("        if (s.").append(v.name()).append(" != ").append(macro)
                            .append(") { printf(\"BAD version field\\n\"); failures++; }\n        s.")
                            .append(v.name()).append(" = 0;\n");
                }
                if (!flexible) {
                    c.append("        memset((void *)&s.").append(f.name()).append(", 0x5a, sizeof s.").append(f.name()).append(");\n")
                            .append("        check(&s, sizeof s, offsetof(").append(type).append(", ").append(f.name())
                            .append("), sizeof s.").append(f.name()).append(", \"").append(what).append("\");\n");
                }
                c.append("        printf(\"").append(what).append(" %zu\\n\", offsetof(").append(type).append(", ")
                        .append(f.name()).append("));\n    }\n");
                expected.add(what + " " + f.offset());
            }
        }
        c.append("    return failures != 0;\n}\n");
        Path program = Files.writeString(dir.resolve("roundtrip.c"), c);
        Tools.require(gcc);
        Compiler.Result build = Compiler.run(List.of(gcc.executable(), "-std=c11", "-Wall", "-Wextra", "-o", "roundtrip",
                program.toString()), dir);
        assertTrue(build.ok(), build::output);
        Compiler.Result run = Compiler.run(List.of(dir.resolve("roundtrip").toString()), dir);
        assertTrue(run.ok(), () -> "the program found a member whose bytes are not where offsetof says:\n" + run.output());
        // versioned structs: the init function leaves only the version field non-zero, and the
        // memset above overwrote it; the byte check is therefore exact for every member
        assertEquals(String.join("\n", expected), run.output().strip());
    }
}
