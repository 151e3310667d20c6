package org.abilayout.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.Layouts;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourcePos;

/**
 * The invariants a spec pins on itself, checked on every run: {@code @offset(N)} on members and
 * {@code @size(...)} on structs. ({@code @pad_to} is enforced by the layout engine, which cannot
 * lay out a struct whose members exceed it.) A violation names the exact targets where it fails.
 */
public final class Invariants {
    private Invariants() {}

    /** One pinned fact that does not hold, with the targets where it fails. */
    public record Violation(ChangeKind kind, SourcePos pos, String type, String member, String pinned,
            String actual, SortedSet<String> targets) {

        public Diagnostic diagnostic() {
            String what = member.isEmpty() ? "struct " + type : "member '" + member + "' of " + type;
            return Diagnostic.error(pos, what + " is pinned to " + pinned + " but is at " + actual + " on "
                    + String.join(", ", targets));
        }

        public Change change() {
            return new Change(kind, kind.defaultSeverity(), type, member, pinned, actual, "pinned in the spec", targets,
                    Optional.empty(), List.of());
        }
    }

    public static List<Violation> check(Layouts layouts) {
        if (!pinsAnything(layouts.spec().records())) return List.of();
        Map<List<Object>, Violation> found = new LinkedHashMap<>();
        for (SpecLayout sl : layouts.perTarget()) {
            for (RecordLayout rl : sl.records()) {
                RecordDecl d = rl.decl();
                var pin = d.traits().size().entryFor(sl.target());
                if (pin.isPresent() && pin.get().value() != rl.size()) {
                    record(found, ChangeKind.SIZE_PIN_VIOLATED, pin.get().pos(), d.name(), "", "size " + pin.get().value(),
                            "size " + rl.size(), sl.target().name());
                }
                var padTo = d.traits().padTo().entryFor(sl.target());
                if (padTo.isPresent() && padTo.get().value() != rl.size()) {
                    record(found, ChangeKind.PAD_TO_VIOLATED, padTo.get().pos(), d.name(), "", "size " + padTo.get().value(),
                            "size " + rl.size() + " (its members need more)", sl.target().name());
                }
                members(found, rl, 0, d.name(), sl.target().name());
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Whether any record pins a size or offset: most specs pin nothing, and need no walk. */
    private static boolean pinsAnything(List<RecordDecl> records) {
        java.util.ArrayDeque<RecordDecl> todo = new java.util.ArrayDeque<>(records);
        java.util.Set<RecordDecl> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            RecordDecl r = todo.pop();
            if (!seen.add(r)) continue;
            if (!r.traits().size().isEmpty() || !r.traits().padTo().isEmpty()) return true;
            for (Member m : r.members()) {
                if (m.traits().pinnedOffset().isPresent()) return true;
                if (m.isAnonymous() && m.type() instanceof org.abilayout.spec.model.CType.RecordType rt) todo.push(rt.decl());
            }
        }
        return false;
    }

    private static void members(Map<List<Object>, Violation> found, RecordLayout rl, long base, String type, String target) {
        for (FieldLayout f : rl.fields()) {
            Member m = f.member();
            if (m.isAnonymous() && f.nested().isPresent()) {
                members(found, f.nested().get(), base + f.offset(), type, target);
                continue;
            }
            if (m.traits().pinnedOffset().isPresent() && m.traits().pinnedOffset().getAsLong() != base + f.offset()) {
                SourcePos pos = m.annotation("offset").map(a -> a.pos()).orElse(m.pos());
                record(found, ChangeKind.PINNED_OFFSET_VIOLATED, pos, type, m.name(),
                        "offset " + m.traits().pinnedOffset().getAsLong(), "offset " + (base + f.offset()), target);
            }
        }
    }

    private static void record(Map<List<Object>, Violation> found, ChangeKind kind, SourcePos pos, String type, String member,
            String pinned, String actual, String target) {
        List<Object> key = List.of(kind, pos, type, member, pinned, actual);
        found.computeIfAbsent(key, k -> new Violation(kind, pos, type, member, pinned, actual, new TreeSet<>()))
                .targets().add(target);
    }
}
