package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;

/** The layout helper places every part on its own alignment, the same on every target and in C. */
class RegionLayoutTest {
    private static final Spec SPEC = MutexAbi.readSpec();
    /** {mutexes, conditions, data size, data alignment} */
    private static final List<long[]> CASES = List.of(new long[] {0, 0, 0, 1}, new long[] {1, 0, 8, 8},
            new long[] {3, 2, 100, 16}, new long[] {1, 1, 4096, 4096}, new long[] {7, 5, 1, 128}, new long[] {2, 0, 24, 64});

    @Test
    void everyTargetsSizesAndAlignmentsGiveTheHostsOffsets() {
        for (Target t : Catalogue.all()) {
            MutexAbi abi = MutexAbi.of(SPEC, t);
            for (long[] c : CASES) {
                // the rule, spelled out with this target's sizes and alignments from the layout engine
                long firstMutex = alignUp(abi.region().size(), abi.mutex().align());
                long firstCond = alignUp(firstMutex + c[0] * abi.mutex().size(), abi.cond().align());
                long data = alignUp(firstCond + c[1] * abi.cond().size(), Math.max(c[3], abi.mutex().align()));
                RegionLayout host = RegionLayout.of((int) c[0], (int) c[1], c[2], c[3]);
                assertEquals(List.of(firstMutex, firstCond, data, data + c[2]),
                        List.of(host.firstMutex(), host.firstCondition(), host.dataOffset(), host.byteSize()), t.name());
            }
        }
    }

    @Test
    void everyPartStartsOnItsOwnAlignment() {
        for (long[] c : CASES) {
            RegionLayout l = RegionLayout.of((int) c[0], (int) c[1], c[2], c[3]);
            for (int i = 0; i < l.mutexes(); i++) assertEquals(0, l.mutexOffset(i) % SharedMutex.byteAlignment());
            for (int i = 0; i < l.conditions(); i++) assertEquals(0, l.conditionOffset(i) % SharedCondition.byteAlignment());
            assertEquals(0, l.dataOffset() % c[3]);
            assertEquals(0, l.dataOffset() % 64, "the data never shares a cache line with a mutex");
        }
    }

    @Test
    void theCHelperGivesTheSameOffsets() {
        for (long[] c : CASES) {
            RegionLayout l = RegionLayout.of((int) c[0], (int) c[1], c[2], c[3]);
            String out = Processes.finish(Processes.c("region-layout", Long.toString(c[0]), Long.toString(c[1]),
                    Long.toString(c[2]), Long.toString(c[3])), 20, "region-layout").strip();
            assertEquals(l.firstMutex() + " " + l.firstCondition() + " " + l.dataOffset() + " " + l.byteSize(), out);
        }
    }

    @Test
    void aBadAlignmentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RegionLayout.of(1, 1, 8, 3));
        assertThrows(IllegalArgumentException.class, () -> RegionLayout.of(1, 1, 8, 8192));
        assertThrows(IllegalArgumentException.class, () -> RegionLayout.of(-1, 1, 8, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> RegionLayout.of(1, 1, 8, 8).mutexOffset(1));
    }

    private static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
