package org.abilayout.abitests.java;

import static org.abilayout.abitests.java.Compiled.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.runtime.AbsentMemberException;
import org.abilayout.runtime.MisalignedAtomicException;
import org.abilayout.runtime.UnsupportedTargetException;
import org.abilayout.runtime.VersionMismatchException;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What generated accessors do beyond reading and writing bytes: targets, @if, versions, atomics. */
class GeneratedAccessorsTest {
    @TempDir
    static Path dir;

    static Compiled umtx;
    static Compiled loose;

    @BeforeAll
    static void compile() throws Exception {
        umtx = Compiled.generate(TestSpecs.umtx(), Catalogue.all(), dir.resolve("umtx"));
        loose = Compiled.generate(TestSpecs.loose(), Catalogue.all(), dir.resolve("loose"));
    }

    @Test
    void ffmLayoutsPlaceEveryMemberWhereTheEngineDoesOnAllCatalogueTargets() throws Exception {
        for (Spec spec : List.of(TestSpecs.umtx(), TestSpecs.scalars(), TestSpecs.aggregates(), TestSpecs.unions(), TestSpecs.packed())) {
            Compiled code = Compiled.generate(spec, Catalogue.all(), dir.resolve("layouts-" + spec.packageName()));
            for (SpecLayout sl : LayoutEngine.layoutAll(spec, Catalogue.all()).perTarget()) {
                for (RecordLayout rl : sl.records()) {
                    Object acc = code.accessor(Plan.className(rl.name()), sl.target().name());
                    GroupLayout layout = (GroupLayout) call(acc.getClass(), acc, "layout");
                    String where = rl.name() + " on " + sl.target();
                    assertEquals(rl.size(), layout.byteSize(), "size of " + where);
                    assertEquals(rl.align(), layout.byteAlignment(), "alignment of " + where);
                    for (FieldLayout f : rl.fields()) {
                        if (f.member().isAnonymous()) continue;
                        MemoryLayout.PathElement p = MemoryLayout.PathElement.groupElement(f.name());
                        assertEquals(f.offset(), layout.byteOffset(p), "offset of " + f.name() + " in " + where);
                        assertEquals(f.size(), layout.select(p).byteSize(), "size of " + f.name() + " in " + where);
                    }
                }
            }
        }
    }

    /**
     * The targets no emulated C program covers (Windows: 4-byte {@code long}, 2-byte unsigned
     * {@code wchar_t}; Darwin; FreeBSD; big-endian ILP32 PowerPC; ...) still get every scalar's
     * bytes right: each value the accessors write sits at the engine's offset, in the target's
     * width and byte order, as the C value's bits.
     */
    @Test
    void everyScalarLandsInItsEngineBytesOnAllCatalogueTargets() throws Exception {
        Spec spec = TestSpecs.scalars();
        Compiled code = Compiled.generate(spec, Catalogue.all(), dir.resolve("bytes"));
        for (Target t : Catalogue.all()) {
            RecordLayout rl = LayoutEngine.layout(spec, t).records().getFirst();
            List<Plan.Instance> plan = Plan.of(spec, t);
            JavaSide side = new JavaSide(code, t, false);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment file = arena.allocate((long) plan.size() * Plan.SLOT, 16);
                side.write(file, file, plan);
                for (Plan.Slot slot : plan.getFirst().slots()) {
                    if (slot.raw()) continue;
                    String name = slot.steps().getLast().method();
                    FieldLayout f = rl.fields().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                    Object v = side.expected(slot);
                    long bits = switch (v) {
                        case Boolean b -> b ? 1 : 0;
                        case Float x -> Float.floatToRawIntBits(x);
                        case Double x -> Double.doubleToRawLongBits(x);
                        default -> slot.bits();
                    };
                    for (int i = 0; i < f.size(); i++) {
                        int shift = 8 * (t.endian() == org.abilayout.arch.Endian.BIG ? (int) f.size() - 1 - i : i);
                        byte want = (byte) (bits >>> shift);
                        assertEquals(want, file.get(java.lang.foreign.ValueLayout.JAVA_BYTE, f.offset() + i),
                                name + " byte " + i + " on " + t);
                    }
                }
            }
        }
    }

    @Test
    void memberUnderIfThrowsNamingTargetAndPredicateWhereAbsent() throws Exception {
        Object lp64 = umtx.accessor("Umutex", "x86_64-linux-gnu");
        Object ilp32 = umtx.accessor("Umutex", "i386-linux-gnu");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(32, 8);
            call(ilp32.getClass(), ilp32, "m_pad", s, 7);
            assertEquals(7, call(ilp32.getClass(), ilp32, "m_pad", s));
            var e = assertThrows(AbsentMemberException.class, () -> call(lp64.getClass(), lp64, "m_pad", s));
            assertEquals("struct umutex.m_pad does not exist on x86_64-linux-gnu: it is declared @if(ilp32)", e.getMessage());
        }
    }

    @Test
    void sinceMemberOfAnOlderInstanceThrowsNamingMemberVersionAndSince() throws Exception {
        Object h = umtx.accessor("MsgHeader", "s390x-linux-gnu");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16, 8);
            call(h.getClass(), h, "h_version", s, (short) 1);
            assertEquals(1L, call(h.getClass(), h, "version", s));
            var e = assertThrows(VersionMismatchException.class, () -> call(h.getClass(), h, "h_sequence", s));
            assertEquals("struct msg_header.h_sequence is @since(2) but this instance is version 1 (its version field says so)",
                    e.getMessage());
            assertEquals(1, e.instanceVersion());
            assertEquals(2, e.since());
            call(h.getClass(), h, "h_version", s, (short) 2);
            call(h.getClass(), h, "h_sequence", s, 42L);
            assertEquals(42L, call(h.getClass(), h, "h_sequence", s));
            assertEquals(0, s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0), "big-endian: high byte first");
        }
    }

    @Test
    void readerSeesAFutureVersionAsUnknownButStillReadsWhatItKnows() throws Exception {
        Object h = umtx.accessor("MsgHeader", "x86_64-linux-gnu");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16, 8);
            call(h.getClass(), h, "h_version", s, (short) 0xffff);
            assertEquals(65535L, call(h.getClass(), h, "version", s), "an unsigned version field reads unsigned");
            assertFalse((boolean) call(h.getClass(), h, "isKnownVersion", s));
            call(h.getClass(), h, "h_sequence", s, 5L);
            assertEquals(5L, call(h.getClass(), h, "h_sequence", s));
            call(h.getClass(), h, "h_version", s, (short) 2);
            assertTrue((boolean) call(h.getClass(), h, "isKnownVersion", s));
            assertEquals(2, umtx.type("MsgHeader").getField("CURRENT_VERSION").getInt(null));
        }
    }

    @Test
    void atomicAccessorsUpdateSharedWordsAndRefuseMisalignedAddresses() throws Exception {
        Object m68k = loose.accessor("Loose", "m68k-linux-gnu");
        Object x86 = loose.accessor("Loose", "x86_64-linux-gnu");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16, 8);
            // x86_64 puts count at 4: aligned, so every atomic mode works
            assertTrue((boolean) call(x86.getClass(), x86, "count_compareAndSet", s, 0, 10));
            assertEquals(10, call(x86.getClass(), x86, "count_getAndAdd", s, 5));
            assertEquals(15, call(x86.getClass(), x86, "count_getVolatile", s));
            call(x86.getClass(), x86, "count_setRelease", s, -1);
            assertEquals(-1, call(x86.getClass(), x86, "count", s));
            // m68k-linux-gnu puts count at 2: plain access works, atomic access would tear
            call(m68k.getClass(), m68k, "count", s, 0x01020304);
            assertEquals(0x01020304, call(m68k.getClass(), m68k, "count", s));
            var e = assertThrows(MisalignedAtomicException.class, () -> call(m68k.getClass(), m68k, "count_getAndAdd", s, 1));
            assertTrue(e.getMessage().contains("struct loose.count (4 bytes)") && e.getMessage().contains("m68k-linux-gnu")
                    && e.getMessage().contains("@align(4)"), e.getMessage());
            // the same struct placed at an address 2 mod 4 makes count 4-aligned: then atomics work
            MemorySegment shifted = s.asSlice(2);
            call(m68k.getClass(), m68k, "count", shifted, 41);
            assertEquals(41, call(m68k.getClass(), m68k, "count_getAndAdd", shifted, 1));
            assertEquals(42, call(m68k.getClass(), m68k, "count_getVolatile", shifted));
        }
    }

    @Test
    void theAlignThatTheWarningSuggestsSilencesIt() throws Exception {
        var gen = new org.abilayout.codegen.java.JavaGenerator();
        var options = org.abilayout.codegen.java.JavaGenerator.Options.defaults();
        // FreeBSD never ran on m68k: its lock words are 2-aligned there
        var umtx = gen.check(LayoutEngine.layoutAll(CrossLanguageTest.example("freebsd/umtx.layout"), Catalogue.all()), options);
        assertEquals(List.of("m_owner", "c_has_waiters", "rw_state", "_count"),
                umtx.stream().map(d -> d.message().replaceAll("^volatile member '([^']*)'.*", "$1")).toList());
        assertTrue(umtx.stream().allMatch(d -> d.message().contains("m68k-linux-gnu") && d.message().contains("@align(4)")));
        // glibc's __lock carries @align(4), as glibc's m68k port does
        assertEquals(List.of(), gen.check(LayoutEngine.layoutAll(CrossLanguageTest.example("glibc/pthreadtypes.layout"), Catalogue.all()), options));
    }

    @Test
    void forTargetOfATargetNotGeneratedNamesTheTargetsThatWere() throws Exception {
        Compiled few = Compiled.generate(TestSpecs.loose(), List.of(Catalogue.byName("s390x-linux-gnu").orElseThrow(),
                Catalogue.byName("i386-linux-gnu").orElseThrow()), dir.resolve("few"));
        var e = assertThrows(UnsupportedTargetException.class, () -> few.accessor("Loose", "x86_64-linux-gnu"));
        assertEquals("struct loose was not generated for x86_64-linux-gnu; generated for: s390x-linux-gnu, i386-linux-gnu",
                e.getMessage());
        var unknown = assertThrows(UnsupportedTargetException.class, () -> few.accessor("Loose", "vax-bsd"));
        assertTrue(unknown.getMessage().contains("not a catalogue target"), unknown.getMessage());
        var host = assertThrows(UnsupportedTargetException.class, () -> call(few.type("Loose"), null, "forHost"));
        assertTrue(host.getMessage().contains("x86_64-linux-gnu") && host.getMessage().contains("s390x-linux-gnu"), host.getMessage());
    }

    @Test
    void forHostIsTheHostTargetAndOneSharedInstance() throws Exception {
        Object a = call(umtx.type("Umutex"), null, "forHost");
        assertEquals("x86_64-linux-gnu", call(a.getClass(), a, "target"));
        assertTrue(a == call(umtx.type("Umutex"), null, "forHost"));
    }

    @Test
    void staticHostAccessorsReadAndWriteWhatTheHostInstanceDoes() throws Exception {
        Class<?> host = umtx.type("Umutex$Host");
        Object instance = call(umtx.type("Umutex"), null, "forHost");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(32, 8);
            call(host, null, "m_ceilings", s, 1L, 77);
            assertEquals(77, call(instance.getClass(), instance, "m_ceilings", s, 1L));
            call(instance.getClass(), instance, "m_owner", s, 5);
            assertTrue((boolean) call(host, null, "m_owner_compareAndSet", s, 5, 6));
            assertEquals(6, call(host, null, "m_owner_getVolatile", s));
            assertEquals(32L, call(host, null, "byteSize"));
            assertEquals("x86_64-linux-gnu", call(host, null, "target"));
            assertThrows(AbsentMemberException.class, () -> call(host, null, "m_pad", s));
        }
    }

    @Test
    void pointerSizedMembersWidenOnReadAndRefuseValuesTheTargetCannotHold() throws Exception {
        Object i386 = umtx.accessor("Umutex", "i386-linux-gnu");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(32, 8);
            call(i386.getClass(), i386, "m_rb_lnk", s, 0xffff_fff0L);
            assertEquals(0xffff_fff0L, call(i386.getClass(), i386, "m_rb_lnk", s), "uintptr_t zero-extends");
            var e = assertThrows(IllegalArgumentException.class, () -> call(i386.getClass(), i386, "m_rb_lnk", s, 1L << 33));
            assertTrue(e.getMessage().contains("does not fit the 4 bytes"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> call(i386.getClass(), i386, "m_ceilings", s, 2L));
        }
    }

    @Test
    void generatedSourcesAreTheSameBytesEveryTime() throws Exception {
        var gen = new org.abilayout.codegen.java.JavaGenerator();
        var options = org.abilayout.codegen.java.JavaGenerator.Options.defaults();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (Spec spec : List.of(TestSpecs.umtx(), TestSpecs.scalars(), TestSpecs.unions())) {
            gen.generate(spec, "x.layout", options).forEach(f -> first.add(f.toString()));
            gen.generate(spec, "x.layout", options).forEach(f -> second.add(f.toString()));
        }
        assertEquals(first, second);
    }

    static Target target(String name) {
        return Catalogue.byName(name).orElseThrow();
    }
}
