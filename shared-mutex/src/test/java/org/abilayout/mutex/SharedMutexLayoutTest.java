package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.compat.Compatibility;
import org.abilayout.compat.LockFile;
import org.abilayout.compat.Verdict;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The struct is the ABI: the same bytes on every target, and the C side agrees with the spec. */
class SharedMutexLayoutTest {
    private static final Spec SPEC = MutexAbi.readSpec();

    @Test
    void everyTargetLaysOutEveryStructIdentically() {
        MutexAbi reference = MutexAbi.of(SPEC, Catalogue.byName("x86_64-linux-gnu").orElseThrow());
        for (Target t : Catalogue.all()) {
            MutexAbi abi = MutexAbi.of(SPEC, t);
            // identical offsets everywhere (m68k included, where int is only 2-aligned) means a
            // segment written on any target is read the same on any other of the same byte order
            assertEquals(reference.mutex().offsets(), abi.mutex().offsets(), t.name());
            assertEquals(reference.cond().offsets(), abi.cond().offsets(), t.name());
            assertEquals(reference.region().offsets(), abi.region().offsets(), t.name());
            assertEquals(128, abi.region().size(), t.name());
            assertEquals(0, abi.region().offset("init_lock") % 64, t.name());
            assertEquals(64, abi.mutex().size(), t.name());
            assertEquals(64, abi.cond().size(), t.name());
            assertEquals(64, abi.mutex().align(), t.name());
            assertEquals(64, abi.cond().align(), t.name());
            for (String word : new String[] {"lock", "owner_tid", "state"}) {
                assertEquals(0, abi.mutex().offset(word) % 4, word + " on " + t.name());
            }
            assertEquals(0, abi.cond().offset("seq") % 4, t.name());
        }
    }

    @Test
    void theSpecKeepsTheReleasedLayoutsOfItsLockOnEveryTarget() throws Exception {
        // shared_mutex.layout.lock was written by `abilayout freeze`: version 1 is released
        String lockText;
        try (var in = MutexAbi.class.getResourceAsStream(MutexAbi.SPEC_RESOURCE + ".lock")) {
            lockText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var lock = LockFile.read(new SourceFile("shared_mutex.layout.lock", lockText));
        Verdict v = Compatibility.check(org.abilayout.layout.LayoutEngine.layoutAll(SPEC, Catalogue.all()), java.util.Optional.of(lock));
        assertFalse(v.isBreaking(), () -> v.changes().toString());
    }

    @Test
    void theGeneratedAccessorsLayTheStructsOutAsTheEngineDoesOnTheHost() {
        MutexAbi engine = MutexAbi.host();
        assertEquals(engine.mutex().offsets(), offsets(org.abilayout.mutex.abi.SharedMutex.Host.layout()));
        assertEquals(engine.mutex().size(), org.abilayout.mutex.abi.SharedMutex.Host.byteSize());
        assertEquals(engine.mutex().align(), org.abilayout.mutex.abi.SharedMutex.Host.layout().byteAlignment());
        assertEquals(engine.cond().offsets(), offsets(org.abilayout.mutex.abi.SharedCond.Host.layout()));
        assertEquals(engine.cond().size(), org.abilayout.mutex.abi.SharedCond.Host.byteSize());
        assertEquals(engine.cond().align(), org.abilayout.mutex.abi.SharedCond.Host.layout().byteAlignment());
        assertEquals(engine.region().offsets(), offsets(org.abilayout.mutex.abi.SharedRegion.Host.layout()));
        assertEquals(engine.region().size(), org.abilayout.mutex.abi.SharedRegion.Host.byteSize());
        assertEquals(engine.constant("SHARED_MUTEX_WAITERS"), org.abilayout.mutex.abi.Constants.SHARED_MUTEX_WAITERS);
    }

    private static Map<String, Long> offsets(java.lang.foreign.StructLayout layout) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var member : layout.memberLayouts()) {
            member.name().ifPresent(n -> out.put(n, layout.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement(n))));
        }
        return out;
    }

    @Test
    void theCHeaderAgreesWithTheSpecOnTheHost() {
        Process p = Processes.c("layout");
        String out = Processes.finish(p, 20, "mutex_tool layout");
        Map<String, Long> fromC = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            int space = line.lastIndexOf(' ');
            fromC.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        Map<String, Long> fromSpec = new LinkedHashMap<>();
        for (StructAbi s : new StructAbi[] {MutexAbi.host().mutex(), MutexAbi.host().cond(), MutexAbi.host().region()}) {
            fromSpec.put(s.name(), s.size());
            fromSpec.put(s.name() + " align", s.align());
            s.offsets().forEach((member, offset) -> fromSpec.put(s.name() + "." + member, offset));
        }
        assertEquals(new java.util.TreeMap<>(fromSpec), new java.util.TreeMap<>(fromC));
    }
}
