package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SpecException;

/**
 * The checks behind {@code abilayout check}, {@code diff} and {@code freeze}: a spec against its
 * lock or an older spec, plus the invariants the spec pins on itself. Every entry point takes the
 * layouts the caller computed once ({@link Layouts}).
 */
public final class Compatibility {
    private Compatibility() {}

    /**
     * {@code check}: the spec against its own history, its pins, and the lock if there is one.
     *
     * @throws SpecException if an {@code @accept} names a change kind that does not exist
     */
    public static Verdict check(Layouts layouts, Optional<Facts.Spec> lock) throws SpecException {
        return check(layouts, FactsBuilder.of(layouts), lock);
    }

    /** {@code diff OLD NEW}: every version of the old spec counts as released. */
    public static Verdict diff(Layouts old, Layouts nu) throws SpecException {
        return check(nu, Optional.of(FactsBuilder.of(old)));
    }

    /** {@link #check} on the facts of {@code layouts}, which the caller already has. */
    static Verdict check(Layouts layouts, Facts.Spec current, Optional<Facts.Spec> lock) throws SpecException {
        List<Diagnostic> unknown = Acknowledgements.unknownKinds(layouts.spec());
        if (!unknown.isEmpty()) throw new SpecException(unknown, List.of(layouts.spec().source()));
        Verdict v = Checker.check(lock, current, layouts.targetNames(), Acknowledgements.of(layouts.spec()));
        List<Change> changes = new ArrayList<>();
        for (Invariants.Violation violation : Invariants.check(layouts)) changes.add(violation.change());
        if (changes.isEmpty()) return v;
        changes.addAll(v.changes());
        return new Verdict(v.packageName(), v.targets(), changes);
    }
}
