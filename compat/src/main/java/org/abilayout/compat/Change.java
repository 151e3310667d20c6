package org.abilayout.compat;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One change between a released layout and a new one: a node of the verdict tree. Reports (text,
 * JSON) are views of these; nothing downstream parses strings.
 *
 * @param kind what changed
 * @param severity how much it matters (the kind's default, or {@link Severity#NOTE} once acknowledged)
 * @param type the struct, union, enum or constant it is about
 * @param member the member path, or empty for the type itself
 * @param oldFact what it was ({@code "offset 16"}), empty where nothing was
 * @param newFact what it is, empty where nothing is
 * @param detail one sentence for humans, e.g. the version the change is in
 * @param targets exactly the targets where it applies
 * @param acknowledged the reason of the {@code @accept} that covers it, if any
 * @param causes changes of a nested type that explain this one
 */
public record Change(ChangeKind kind, Severity severity, String type, String member, String oldFact, String newFact,
        String detail, SortedSet<String> targets, Optional<String> acknowledged, List<Change> causes) {

    public Change {
        targets = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(targets));
        causes = List.copyOf(causes);
    }

    public boolean isBreaking() {
        return severity == Severity.BREAKING;
    }
}
