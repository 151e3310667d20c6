package org.abilayout.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private static Target target(String name) {
        return Catalogue.byName(name).orElseThrow();
    }

    @Test
    void everyTargetHasItsOwnIdentifyingCondition() {
        Set<String> conditions = new HashSet<>();
        for (Target t : Catalogue.all()) assertTrue(conditions.add(t.macroCondition()), t.name());
        assertEquals("defined(__x86_64__) && defined(__linux__) && defined(__LP64__) "
                + "&& (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)",
                target("x86_64-linux-gnu").macroCondition());
        assertTrue(target("x86_64-linux-gnux32").macroCondition().contains("!defined(__LP64__)"));
        assertEquals("defined(_MSC_VER) && defined(_WIN32) && defined(_M_X64) && !defined(_M_ARM64EC) && defined(_WIN64)",
                target("x86_64-windows-msvc").macroCondition());
        assertTrue(target("i386-windows-msvc").macroCondition().endsWith("!defined(_WIN64)"));
    }

    @Test
    void gccIsStatedWhereverItIsTheReference() {
        for (Target t : Catalogue.all()) {
            if (t.reference() == Target.Reference.GCC) assertTrue(t.gcc().isPresent(), t.name());
        }
        GccToolchain i386 = target("i386-linux-gnu").gcc().orElseThrow();
        assertEquals(new DebianTool("i686-linux-gnu-gcc", "gcc-i686-linux-gnu"), i386.cc());
        assertEquals(new DebianTool("i686-linux-gnu-g++", "g++-i686-linux-gnu"), i386.cxx());
        assertEquals(new DebianTool("qemu-i386", "qemu-user"), i386.qemu());
        assertEquals(i386.cc(), target("i386-linux-gnu").referenceCompiler());
        assertEquals(new DebianTool("clang-19", "clang-19"), target("x86_64-freebsd").referenceCompiler());
        assertThrows(IllegalArgumentException.class, () -> TargetBuilder.unix("m68k-netbsd", Cpu.M68K, Os.FREEBSD,
                DataModel.ILP32, Endian.BIG).reference(Target.Reference.GCC).longDouble(12, 2, LongDoubleFormat.M68K_EXTENDED)
                .build());
    }

    @Test
    void theJvmsNamesOfAPlatformFindItsTarget() {
        Catalogue c = Catalogue.standard();
        assertEquals("x86_64-linux-gnu", c.host("Linux", "amd64", 8, LE).orElseThrow().name());
        assertEquals("x86_64-linux-gnux32", c.host("Linux", "amd64", 4, LE).orElseThrow().name());
        assertEquals("armeb-linux-gnueabi", c.host("Linux", "arm", 4, BE).orElseThrow().name());
        assertEquals("mipsel-linux-gnu", c.host("Linux", "mipsel", 4, LE).orElseThrow().name());
        assertEquals("armv7-freebsd-gnueabihf", c.host("FreeBSD", "armv7", 4, LE).orElseThrow().name());
        assertEquals("x86_64-apple-darwin", c.host("Mac OS X", "x86_64", 8, LE).orElseThrow().name());
        assertEquals("i386-windows-msvc", c.host("Windows 10", "x86", 4, LE).orElseThrow().name());
        assertEquals(Optional.empty(), c.host("Linux", "mips64el", 4, LE), "MIPS n32 is not in the catalogue");
        assertEquals(Optional.empty(), c.host("SunOS", "sparcv9", 8, BE));
    }

    @Test
    void aScratchEntryExtendsACopyAndLeavesTheStandardCatalogueAlone() {
        Target n32 = TargetBuilder.unix("mips64el-linux-gnuabin32", Cpu.MIPS64, Os.LINUX, DataModel.ILP32, Endian.LITTLE)
                .signedChar().longDouble(16, 16, LongDoubleFormat.IEEE_QUAD).atomicPromote(8).build();
        Catalogue scratch = Catalogue.standard().with(n32);
        assertEquals(Catalogue.all().size() + 1, scratch.targets().size());
        assertEquals(Optional.of(n32), scratch.target(n32.name()));
        assertEquals(Optional.of(n32), scratch.host("Linux", "mips64el", 4, LE));
        assertFalse(Catalogue.byName(n32.name()).isPresent());
        assertEquals(Optional.empty(), Catalogue.standard().host("Linux", "mips64el", 4, LE));
    }

    @Test
    void anEntryNoCompilerOrJvmCouldTellFromAnotherIsRejected() {
        Target musl = TargetBuilder.unix("x86_64-linux-musl", Cpu.X86_64, Os.LINUX, DataModel.LP64, Endian.LITTLE)
                .signedChar().longDouble(16, 16, LongDoubleFormat.X87_EXTENDED).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Catalogue.standard().with(musl));
        assertTrue(e.getMessage().contains("x86_64-linux-gnu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Catalogue.standard().with(target("m68k-linux-gnu")));
    }

    @Test
    void cpuAndOsAreNamedAsInPredicates() {
        assertEquals(Optional.of(Cpu.POWERPC64), Cpu.bySpecName("powerpc64"));
        assertEquals(Optional.of(Os.DARWIN), Os.bySpecName("darwin"));
        assertEquals(Optional.empty(), Cpu.bySpecName("X86_64"));
        assertEquals("(defined(__mips__) && !defined(__mips64))", PredefinedMacros.arch(Cpu.MIPS));
        assertEquals("defined(__m68k__)", PredefinedMacros.arch(Cpu.M68K));
    }
}
