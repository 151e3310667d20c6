package org.abilayout.compat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The merge pass: findings that say the same thing (kind, type, member, old and new fact) on
 * several targets become one {@link Change} naming exactly those targets, in the order they were
 * first found. The first finding's detail stands for all.
 */
final class TargetMerge {
    private record Key(ChangeKind kind, String type, String member, String oldFact, String newFact) {}

    private final Map<Key, SortedSet<String>> targets = new LinkedHashMap<>();
    private final Map<Key, String> details = new LinkedHashMap<>();

    void add(Finding f) {
        Key key = new Key(f.kind(), f.type(), f.member(), f.oldFact(), f.newFact());
        targets.computeIfAbsent(key, k -> new TreeSet<>()).add(f.target());
        details.putIfAbsent(key, f.detail());
    }

    /** The same finding on every target in {@code where}. */
    void add(ChangeKind kind, String type, String member, String oldFact, String newFact, String detail,
            Collection<String> where) {
        for (String t : where) add(new Finding(kind, type, member, oldFact, newFact, detail, t));
    }

    int size() {
        return targets.size();
    }

    List<Change> changes() {
        List<Change> out = new ArrayList<>(targets.size());
        targets.forEach((k, where) -> out.add(new Change(k.kind(), k.kind().defaultSeverity(), k.type(), k.member(),
                k.oldFact(), k.newFact(), details.get(k), where, Optional.empty(), List.of())));
        return out;
    }
}
