package org.abilayout.abitests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.compat.Change;
import org.abilayout.compat.ChangeKind;
import org.abilayout.compat.Compatibility;
import org.abilayout.compat.Facts;
import org.abilayout.compat.FactsBuilder;
import org.abilayout.compat.LockFile;
import org.abilayout.compat.Severity;
import org.abilayout.compat.Verdict;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * FreeBSD's struct umutex history, version 1 ({@code history/umtx-v1.layout}) to version 2
 * ({@code umtx.layout}), and the honest verdict on it that abidiff cannot give.
 */
class UmtxHistoryTest {
    private static final List<Target> ALL = Catalogue.all();

    private static Set<String> names(java.util.function.Predicate<Target> p) {
        return ALL.stream().filter(p).map(Target::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Facts.Spec v1Lock() throws Exception {
        return FactsBuilder.of(LayoutEngine.layoutAll(SpecReader.read(Examples.dir().resolve("freebsd/history/umtx-v1.layout")), ALL));
    }

    private static List<Change> of(Verdict v, ChangeKind kind) {
        return v.changes().stream().filter(c -> c.kind() == kind).toList();
    }

    @Test
    void everyOldMemberStaysAndTheSizeStays32OnEveryTarget() throws Exception {
        Spec v2 = SpecReader.read(Examples.dir().resolve("freebsd/umtx.layout"));
        for (var sl : LayoutEngine.layoutAll(v2, ALL).perTarget()) {
            RecordLayout l = sl.record("umutex").orElseThrow();
            assertEquals(32, l.size(), sl.target().name());
            var flat = l.flatFields();
            assertEquals(0, flat.stream().filter(f -> f.name().equals("m_owner")).findFirst().orElseThrow().offset());
            assertEquals(4, flat.stream().filter(f -> f.name().equals("m_flags")).findFirst().orElseThrow().offset());
            assertEquals(8, flat.stream().filter(f -> f.name().equals("m_ceilings")).findFirst().orElseThrow().offset());
        }
    }

    @Test
    void theHistoryIsCompatibleWithTheAlignmentRiseAcknowledgedOnSixtyFourBitPointers() throws Exception {
        Spec v2 = SpecReader.read(Examples.dir().resolve("freebsd/umtx.layout"));
        Verdict v = Compatibility.check(LayoutEngine.layoutAll(v2, ALL), Optional.of(v1Lock()));
        assertFalse(v.isBreaking(), () -> v.changes().toString());
        List<Change> raised = of(v, ChangeKind.ALIGNMENT_RAISED);
        assertEquals(1, raised.size());
        assertEquals(Severity.NOTE, raised.getFirst().severity());
        assertTrue(raised.getFirst().acknowledged().isPresent());
        // exactly the targets with 64-bit pointers: LP64 and LLP64, and no ILP32 target
        assertEquals(names(t -> t.pointerBytes() == 8), raised.getFirst().targets());
        // on the ILP32 targets nothing else changes: only reserved space is consumed
        for (Change c : v.changes()) {
            if (c.kind() == ChangeKind.RESERVED_CONSUMED || c.kind() == ChangeKind.ENUM_VALUE_ADDED) continue;
            assertTrue(c.targets().stream().noneMatch(names(t -> t.pointerBytes() == 4)::contains), c.toString());
        }
    }

    @Test
    void withoutThePadTheStructShrinksTo28AndBreaksOnExactlyTheIlp32Targets() throws Exception {
        Path dir = Files.createTempDirectory("umtx");
        String text = Files.readString(Examples.dir().resolve("freebsd/umtx.layout"))
                .replace("    @since(2) @if(ilp32) uint32_t m_pad;\n", "");
        Path broken = dir.resolve("umtx.layout");
        Files.writeString(broken, text);
        Verdict v = Compatibility.check(LayoutEngine.layoutAll(SpecReader.read(broken), ALL), Optional.of(v1Lock()));
        assertTrue(v.isBreaking());
        Set<String> breaking = new TreeSet<>();
        v.changes().stream().filter(Change::isBreaking).forEach(c -> breaking.addAll(c.targets()));
        assertEquals(names(t -> t.pointerBytes() == 4), breaking);
        Change size = of(v, ChangeKind.SIZE_CHANGED).getFirst();
        assertEquals("size 32", size.oldFact());
        assertEquals("size 28", size.newFact());
    }

    @Test
    void freebsdsNotLp64PadWouldMake64BitWindows40BytesButIlp32DoesNot() throws Exception {
        Spec v2 = SpecReader.read(Examples.dir().resolve("freebsd/umtx.layout"));
        Target win64 = Catalogue.byName("x86_64-windows-msvc").orElseThrow();
        assertEquals(32, LayoutEngine.layout(v2, win64).record("umutex").orElseThrow().size());
        String notLp64 = Files.readString(Examples.dir().resolve("freebsd/umtx.layout")).replace("@if(ilp32)", "@if(!lp64)");
        Spec literal = SpecReader.parse(new SourceFile("umtx.layout", notLp64));
        assertEquals(40, LayoutEngine.layout(literal, win64).record("umutex").orElseThrow().size());
    }

    @Test
    void theCommittedLockMatchesTheSpecAndItsHistory() throws Exception {
        Path lockFile = Examples.dir().resolve("freebsd/umtx.layout.lock");
        Facts.Spec lock = LockFile.read(new SourceFile(lockFile.toString(), Files.readString(lockFile)));
        Spec v2 = SpecReader.read(Examples.dir().resolve("freebsd/umtx.layout"));
        Verdict v = Compatibility.check(LayoutEngine.layoutAll(v2, ALL), Optional.of(lock));
        assertFalse(v.isBreaking(), () -> v.changes().toString());
        // the lock's version 1 is the released one (m_spare[4]), not the spec's view of it
        var v1 = lock.type("umutex").orElseThrow().versions().get(1).get("x86_64-linux-gnu");
        assertEquals("uint32_t[4]", v1.fields().getLast().type().written());
        assertEquals(4, v1.align());
        // freezing is deterministic: the same facts write the same bytes
        assertEquals(Files.readString(lockFile), LockFile.write(lock));
    }
}
