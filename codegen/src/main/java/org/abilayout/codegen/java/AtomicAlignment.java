package org.abilayout.codegen.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.arch.Target;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.source.Diagnostic;

/**
 * Pass: finds shared words that some target places too loosely for atomic access. A
 * {@code volatile} or {@code _Atomic} member whose in-struct alignment is smaller than its size
 * on a target (a 4-byte {@code int} 2-aligned on m68k-linux-gnu, anything in a {@code @packed}
 * struct) may straddle a word there, and the hardware cannot update it atomically. Each such
 * member gets one diagnostic naming the targets and the {@code @align} that fixes it.
 */
final class AtomicAlignment {
    private AtomicAlignment() {}

    static List<Diagnostic> check(RecordDecl decl, List<RecordLayout> layouts, boolean strict) {
        List<Diagnostic> out = new ArrayList<>();
        for (Leaf leaf : Leaves.of(decl, layouts)) {
            if (!leaf.isAtomic()) continue;
            Map<String, List<String>> byAlignment = new LinkedHashMap<>();
            long size = 0;
            for (RecordLayout layout : layouts) {
                Target t = layout.target();
                Leaf.Placement p = leaf.placements().get(t.name());
                if (p == null) continue;
                size = p.elementSize();
                // the member's address is a multiple of this on every instance C places
                long effective = Math.min(Math.min(p.align(), layout.align()),
                        p.offset() == 0 ? Long.MAX_VALUE : Long.lowestOneBit(p.offset()));
                if (effective < p.elementSize()) {
                    byAlignment.computeIfAbsent(effective + "-byte aligned", k -> new ArrayList<>()).add(t.name());
                }
            }
            if (byAlignment.isEmpty()) continue;
            List<String> where = new ArrayList<>();
            byAlignment.forEach((a, names) -> where.add(a + " on " + String.join(", ", names)));
            String message = (leaf.qualifiers().isAtomic() ? "_Atomic" : "volatile") + " member '" + leaf.cName() + "' of "
                    + decl.cName() + " (" + size + " bytes) is only " + String.join("; ", where)
                    + ": atomic access can tear there, so its atomic accessors refuse such addresses at run time; "
                    + "add @align(" + size + ") to the member to make it safe for atomics on every target";
            out.add(strict ? Diagnostic.error(leaf.member().pos(), message) : Diagnostic.warning(leaf.member().pos(), message));
        }
        return out;
    }
}
