package org.abilayout.abitests.cheader;

import org.abilayout.abitests.HeaderFiles;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.spec.model.Spec;
import org.abilayout.testsupport.SuiteTools;
import org.abilayout.testsupport.Tools;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside the catalogue a header refuses to compile with a message that names the opt-out;
 * with the opt-out defined it compiles (without layout guarantees). The instructive cases are
 * near misses: MinGW runs on Windows but is not MSVC (its {@code long double} differs), and
 * arm64_32 and MIPS n32 are 64-bit cpus with 32-bit pointers.
 */
class UnknownTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-windows-gnu", "powerpc-freebsd", "riscv32-freebsd", "arm64_32-apple-watchos", "mips64-linux-gnuabin32"})
    void aTargetOutsideTheCatalogueStopsWithAnErrorUnlessTheOptOutIsDefined(String triple, @TempDir Path dir)
            throws Exception {
        StringBuilder includes = new StringBuilder();
        List<String> perHeaderOptOuts = new ArrayList<>();
        // one header per package: the hand-built umtx and the example share freebsd.umtx
        java.util.Set<String> packages = new java.util.HashSet<>();
        for (Spec spec : Specs.all()) {
            if (!packages.add(spec.packageName())) continue;
            Path h = HeaderFiles.write(spec, Catalogue.all(), dir);
            includes.append("#include \"").append(h.getFileName()).append("\"\n");
            perHeaderOptOuts.add("-D" + CHeaderGenerator.macroPrefix(spec) + "_ALLOW_UNKNOWN_TARGET");
        }
        includes.append("typedef int translation_unit_is_not_empty;\n");
        Path file = Files.writeString(dir.resolve("unknown.c"), includes);
        Tools.require(SuiteTools.CLANG);

        Compiler.Result refused = compile(triple, file, List.of());
        assertFalse(refused.ok(), refused::output);
        assertTrue(refused.output().contains("this target is not in the abilayout catalogue")
                && refused.output().contains("_ALLOW_UNKNOWN_TARGET"), refused::output);

        Compiler.Result each = compile(triple, file, perHeaderOptOuts);
        assertTrue(each.ok(), each::output);
        Compiler.Result all = compile(triple, file, List.of("-DABILAYOUT_ALLOW_UNKNOWN_TARGET"));
        assertTrue(all.ok(), all::output);
    }

    @org.junit.jupiter.api.Test
    void aHeaderGeneratedForSomeTargetsRefusesTheOtherCatalogueTargets(@TempDir Path dir) throws Exception {
        List<org.abilayout.arch.Target> chosen = List.of(Catalogue.byName("x86_64-linux-gnu").orElseThrow(),
                Catalogue.byName("m68k-linux-gnu").orElseThrow());
        Path h = HeaderFiles.write(Specs.holes(), chosen, dir);
        Path file = Files.writeString(dir.resolve("subset.c"), "#include \"" + h.getFileName() + "\"\n");
        for (org.abilayout.arch.Target t : Catalogue.all()) {
            Compiler.Result r = Compiler.syntaxCheck(t, Compiler.Language.C11, file, List.of());
            if (chosen.contains(t)) {
                assertTrue(r.ok(), () -> t.name() + ":\n" + r.output());
            } else {
                assertTrue(!r.ok() && r.output().contains("not in the abilayout catalogue the header was generated for"),
                        () -> t.name() + ":\n" + r.output());
            }
        }
    }

    /** Without -Wpadded: on an unknown target the compiler's own holes are back. */
    private static Compiler.Result compile(String triple, Path file, List<String> defines) {
        List<String> cmd = new ArrayList<>(List.of("clang-19", "-target", triple, "-ffreestanding", "-fsyntax-only",
                "-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror"));
        cmd.addAll(defines);
        cmd.add(file.toString());
        return Compiler.run(cmd, file.getParent());
    }
}
