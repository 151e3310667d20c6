package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The causes pass: a member whose struct or union type changed in a breaking way gets a
 * {@link ChangeKind#NESTED_CHANGED} whose causes are that type's breaking changes, on the
 * targets where they apply, so a report can say why {@code outer.inner} broke.
 */
final class Causes {
    private Causes() {}

    static List<Change> link(List<Change> changes, Facts.Spec current) {
        List<Change> out = new ArrayList<>(changes);
        for (Facts.Type t : current.types()) {
            Facts.Layout any = t.versions().get(t.version()).values().stream().findFirst().orElse(null);
            if (any == null) continue;
            for (Facts.Field f : any.fields()) {
                String nested = f.type().record();
                if (f.reserved() || f.type().typeClass() != TypeFacts.TypeClass.RECORD || nested.isEmpty()) continue;
                List<Change> causes = changes.stream().filter(c -> c.type().equals(nested) && c.isBreaking()).toList();
                boolean already = changes.stream().anyMatch(c -> c.type().equals(t.name()) && c.member().equals(f.name())
                        && c.kind() == ChangeKind.NESTED_CHANGED);
                if (causes.isEmpty() || already) continue;
                SortedSet<String> where = new TreeSet<>();
                causes.forEach(c -> where.addAll(c.targets()));
                out.add(new Change(ChangeKind.NESTED_CHANGED, Severity.BREAKING, t.name(), f.name(), f.type().canonical(),
                        f.type().canonical(), "the layout of " + f.type().bare() + " changed", where, Optional.empty(), causes));
            }
        }
        return out;
    }
}
