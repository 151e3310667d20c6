package org.abilayout.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.abilayout.spec.traits.Acknowledgement;

/**
 * The checks behind {@code abilayout check}, {@code diff} and {@code freeze}: a spec against its
 * lock or an older spec, plus the invariants the spec pins on itself.
 */
public final class Compatibility {
    private Compatibility() {}

    /** {@code check}: the spec against its own history, its pins, and the lock if there is one. */
    public static Verdict check(Spec spec, Optional<Facts.Spec> lock, List<Target> targets) throws SpecException {
        return check(spec, LayoutEngine.layoutAll(spec, targets), lock);
    }

    /**
     * The same on layouts the caller already has ({@code freeze} lays out once, then checks and
     * writes the facts of the same layouts).
     */
    public static Verdict check(Spec spec, List<SpecLayout> layouts, Optional<Facts.Spec> lock) {
        Facts.Spec current = FactsBuilder.fromLayouts(spec, layouts);
        List<String> targets = layouts.stream().map(l -> l.target().name()).toList();
        return withInvariants(Checker.check(lock, current, targets, acknowledgements(spec)), layouts);
    }

    /** {@code diff OLD NEW}: every version of the old spec counts as released. */
    public static Verdict diff(Spec old, Spec nu, List<Target> targets) throws SpecException {
        Facts.Spec released = FactsBuilder.of(old, targets);
        return check(nu, Optional.of(released), targets);
    }

    private static Verdict withInvariants(Verdict v, List<SpecLayout> layouts) {
        List<Change> changes = new ArrayList<>();
        for (Invariants.Violation violation : Invariants.check(layouts)) changes.add(violation.change());
        if (changes.isEmpty()) return v;
        changes.addAll(v.changes());
        return new Verdict(v.packageName(), v.targets(), changes);
    }

    public static Map<String, List<Acknowledgement>> acknowledgements(Spec spec) {
        Map<String, List<Acknowledgement>> acks = new LinkedHashMap<>();
        for (RecordDecl r : spec.records()) {
            if (!r.traits().acknowledgements().isEmpty()) acks.put(r.name(), r.traits().acknowledgements());
        }
        return acks;
    }
}
