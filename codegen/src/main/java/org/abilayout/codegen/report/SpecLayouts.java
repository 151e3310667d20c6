package org.abilayout.codegen.report;

import java.util.List;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;

/** What every report needs from the engine's per-target results. */
final class SpecLayouts {
    private SpecLayouts() {}

    /** Rejects what no caller should pass: no targets, or layouts of different specs. */
    static void check(List<SpecLayout> layouts) {
        if (layouts.isEmpty()) throw new IllegalArgumentException("a layout report needs at least one target");
        for (SpecLayout l : layouts) {
            if (l.spec() != layouts.getFirst().spec()) {
                throw new IllegalArgumentException("layouts of different specs in one report");
            }
        }
    }

    /** Record {@code index} (in spec order) on each target, in target order. */
    static List<RecordLayout> recordOnEachTarget(List<SpecLayout> layouts, int index) {
        return layouts.stream().map(l -> l.records().get(index)).toList();
    }
}
