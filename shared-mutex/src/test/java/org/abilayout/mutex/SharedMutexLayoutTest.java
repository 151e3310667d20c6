package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;

/** The struct is the ABI: the same bytes on every target, and the C side agrees with the spec. */
class SharedMutexLayoutTest {
    private static final Spec SPEC = MutexAbi.readSpec();

    @Test
    void everyTargetLaysOutBothStructsIdenticallyInOneCacheLine() {
        MutexAbi reference = MutexAbi.of(SPEC, Catalogue.byName("x86_64-linux-gnu").orElseThrow());
        for (Target t : Catalogue.all()) {
            MutexAbi abi = MutexAbi.of(SPEC, t);
            // identical offsets everywhere (m68k included, where int is only 2-aligned) means a
            // segment written on any target is read the same on any other of the same byte order
            assertEquals(reference.mutex().offsets(), abi.mutex().offsets(), t.name());
            assertEquals(reference.cond().offsets(), abi.cond().offsets(), t.name());
            assertEquals(64, abi.mutex().size(), t.name());
            assertEquals(64, abi.cond().size(), t.name());
            for (String word : new String[] {"lock", "owner_tid", "state"}) {
                assertEquals(0, abi.mutex().offset(word) % 4, word + " on " + t.name());
            }
            assertEquals(0, abi.cond().offset("seq") % 4, t.name());
        }
    }

    @Test
    void theCHeaderAgreesWithTheSpecOnTheHost() {
        Process p = Processes.c("layout");
        String out = Processes.finish(p, 20, "mutex_tool layout");
        Map<String, Long> fromC = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] kv = line.split(" ");
            fromC.put(kv[0], Long.parseLong(kv[1]));
        }
        Map<String, Long> fromSpec = new LinkedHashMap<>();
        for (StructAbi s : new StructAbi[] {MutexAbi.host().mutex(), MutexAbi.host().cond()}) {
            fromSpec.put(s.name(), s.size());
            s.offsets().forEach((member, offset) -> fromSpec.put(s.name() + "." + member, offset));
        }
        assertEquals(new java.util.TreeMap<>(fromSpec), new java.util.TreeMap<>(fromC));
    }
}
