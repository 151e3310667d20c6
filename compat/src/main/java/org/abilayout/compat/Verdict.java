package org.abilayout.compat;

import java.util.List;

/**
 * The result of a compatibility check: every change, on the targets checked.
 *
 * @param targets the targets that were compared, in catalogue order
 */
public record Verdict(String packageName, List<String> targets, List<Change> changes) {
    public Verdict {
        targets = List.copyOf(targets);
        changes = List.copyOf(changes);
    }

    public boolean isBreaking() {
        return changes.stream().anyMatch(Change::isBreaking);
    }

    public long count(Severity s) {
        return changes.stream().filter(c -> c.severity() == s).count();
    }
}
