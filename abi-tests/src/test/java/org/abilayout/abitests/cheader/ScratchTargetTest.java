package org.abilayout.abitests.cheader;

import org.abilayout.abitests.HeaderFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.abilayout.abitests.cc.Differential;
import org.abilayout.abitests.gen.SpecGenerator;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Cpu;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.GccToolchain;
import org.abilayout.arch.LongDoubleFormat;
import org.abilayout.arch.Os;
import org.abilayout.arch.Target;
import org.abilayout.arch.TargetBuilder;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.codegen.c.TargetMacros;
import org.abilayout.runtime.HostTarget;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.predicate.PredicateParser;
import org.abilayout.spec.predicate.PredicateParser.PredicateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a target is adding one entry: a scratch entry for MIPS n32 (a real platform the
 * catalogue does not carry: a 64-bit cpu with 32-bit pointers), added to a copy of the catalogue,
 * reaches every consumer with nothing else written — the {@code @if} predicates, host detection,
 * the choice of test compiler, and the C header's identification block, where clang-19
 * {@code -target mips64el-linux-gnuabin32} proves the header picks the entry out and its layouts
 * hold. The standard catalogue is left as it was.
 */
class ScratchTargetTest {
    static final Target N32 = TargetBuilder.unix("mips64el-linux-gnuabin32", Cpu.MIPS64, Os.LINUX, DataModel.ILP32,
                    Endian.LITTLE).signedChar().longDouble(16, 16, LongDoubleFormat.IEEE_QUAD).atomicPromote(8)
            .notes("n32: ILP32 on mips64; long long and double 8-aligned; long double is IEEE quad").build();
    static final Catalogue CATALOGUE = Catalogue.standard().with(N32);

    private static Predicate parse(String text) throws PredicateException {
        return PredicateParser.parse(text, CATALOGUE);
    }

    @Test
    void predicatesTestTheEntryAndTargetNamesItOnlyInItsCatalogue() throws Exception {
        Predicate n32 = parse("ilp32 && arch(mips64) && os(linux) && little_endian");
        assertEquals(List.of(N32), CATALOGUE.targets().stream().filter(n32::test).toList());
        assertFalse(parse("lp64 || big_endian || arch(mips) || os(freebsd)").test(N32));
        assertTrue(parse("target(mips64el-linux-gnuabin32)").test(N32));
        assertThrows(PredicateException.class, () -> PredicateParser.parse("target(mips64el-linux-gnuabin32)"));
    }

    @Test
    void hostDetectionFindsTheEntryBesideItsNeighbours() {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        assertEquals(Optional.of(N32), HostTarget.resolve(CATALOGUE, "Linux", "mips64el", 4, le));
        assertEquals("mips64el-linux-gnuabi64", HostTarget.resolve(CATALOGUE, "Linux", "mips64el", 8, le).orElseThrow().name());
        assertEquals(Optional.empty(), HostTarget.resolve("Linux", "mips64el", 4, le));
    }

    @Test
    void testCompilersComeFromTheEntry() {
        // cc.Compiler: the differential harness's compilers (this package's Compiler checks headers)
        assertEquals(org.abilayout.abitests.cc.Compiler.CLANG, org.abilayout.abitests.cc.Compiler.reference(N32));
        assertEquals(Optional.empty(), org.abilayout.abitests.cc.Compiler.platformGcc(N32));
        // had the entry stated a GCC toolchain as its reference, the harness would use that compiler
        Target gccN32 = TargetBuilder.unix(N32.name(), Cpu.MIPS64, Os.LINUX, DataModel.ILP32, Endian.LITTLE)
                .longDouble(16, 16, LongDoubleFormat.IEEE_QUAD)
                .gcc(GccToolchain.debianCross("mips64el-linux-gnuabin32", "qemu-mipsn32el"))
                .reference(Target.Reference.GCC).build();
        assertEquals("mips64el-linux-gnuabin32-gcc", org.abilayout.abitests.cc.Compiler.reference(gccN32).executable());
        assertEquals("gcc-mips64el-linux-gnuabin32", org.abilayout.abitests.cc.Compiler.reference(gccN32).debianPackage());
    }

    @Test
    void theHeaderIdentifiesTheEntryAndItsLayoutsHoldThere(@TempDir Path dir) throws Exception {
        Spec umtx = Specs.examples().stream().filter(s -> s.packageName().equals("freebsd.umtx")).findFirst().orElseThrow();
        Path header = HeaderFiles.write(umtx, CATALOGUE.targets(), dir);
        String text = Files.readString(header);
        String macro = TargetMacros.macro(CHeaderGenerator.macroPrefix(umtx), N32.name());
        assertTrue(text.contains(N32.macroCondition()) && text.contains(macro), "no identification of " + N32.name());

        Path use = Files.writeString(dir.resolve("use.c"), "#include \"" + header.getFileName() + "\"\n"
                + "#ifndef " + macro + "\n#error \"not identified as " + N32.name() + "\"\n#endif\n"
                + "typedef int translation_unit_is_not_empty;\n");
        for (Compiler.Language language : Compiler.Language.values()) {
            Compiler.Result r = Compiler.syntaxCheck(N32, language, use, List.of());
            assertTrue(r.ok(), () -> N32.name() + " as " + language + ":\n" + r.output());
        }
        // the neighbour with the same cpu, system and byte order is still itself
        Compiler.Result n64 = Compiler.syntaxCheck(CATALOGUE.target("mips64el-linux-gnuabi64").orElseThrow(),
                Compiler.Language.C11, use, List.of());
        assertFalse(n64.ok());
        assertTrue(n64.output().contains("not identified as " + N32.name()), n64.output());
    }

    @Test
    void theEntrysNumbersAreWhatClangLaysOut() {
        List<Spec> specs = List.of(new SpecGenerator(20261201L).generate("scratch.n32", 300));
        Differential.Report r = Differential.run(specs, List.of(N32), Path.of("target", "scratch-target"), 1);
        assertTrue(r.checks() > 0, "nothing was checked");
        assertTrue(r.clean(), () -> r.summary(40));
    }
}
