package org.abilayout.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.abilayout.arch.Catalogue;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.traits.Acknowledgement;

/**
 * The acknowledgement pass: {@code @accept(KIND, ...)} on a struct turns the changes it covers
 * into notes that carry its reason, on exactly the targets its predicate names; the rest of each
 * change keeps its severity. An acknowledgement that covers nothing is reported as stale. The
 * change kinds are this module's vocabulary, so the names the spec gives them are checked here.
 */
final class Acknowledgements {
    private Acknowledgements() {}

    /** Every {@code @accept} of the spec, by the name of the struct it is on. */
    static Map<String, List<Acknowledgement>> of(Spec spec) {
        Map<String, List<Acknowledgement>> acks = new LinkedHashMap<>();
        for (RecordDecl r : spec.records()) {
            if (!r.traits().acknowledgements().isEmpty()) acks.put(r.name(), r.traits().acknowledgements());
        }
        return acks;
    }

    /** An error for every {@code @accept} that names no change kind, positioned at the name. */
    static List<Diagnostic> unknownKinds(Spec spec) {
        List<Diagnostic> out = new ArrayList<>();
        List<String> known = java.util.Arrays.stream(ChangeKind.values()).map(ChangeKind::id).toList();
        for (List<Acknowledgement> list : of(spec).values()) {
            for (Acknowledgement ack : list) {
                if (ChangeKind.byId(ack.kind()).isPresent()) continue;
                out.add(Diagnostic.error(ack.kindPos(), "unknown change kind '" + ack.kind() + "'; known: "
                        + String.join(", ", known)));
            }
        }
        return out;
    }

    static List<Change> apply(List<Change> changes, Map<String, List<Acknowledgement>> acks, List<String> targets,
            Facts.Spec current) {
        List<Change> out = new ArrayList<>();
        Set<Acknowledgement> used = new HashSet<>();
        for (Change c : changes) {
            Change rest = c;
            for (Acknowledgement ack : acks.getOrDefault(c.type(), List.of())) {
                if (!ack.kind().equals(c.kind().id())) continue;
                if (ack.member().isPresent() && !ack.member().get().equals(c.member())) continue;
                SortedSet<String> covered = new TreeSet<>();
                SortedSet<String> uncovered = new TreeSet<>();
                for (String t : rest.targets()) {
                    boolean match = ack.targets().isEmpty()
                            || Catalogue.byName(t).map(x -> ack.targets().get().test(x)).orElse(false);
                    (match ? covered : uncovered).add(t);
                }
                if (covered.isEmpty()) continue;
                used.add(ack);
                out.add(new Change(c.kind(), Severity.NOTE, c.type(), c.member(), c.oldFact(), c.newFact(), c.detail(),
                        covered, Optional.of(ack.reason()), c.causes()));
                if (uncovered.isEmpty()) {
                    rest = null;
                    break;
                }
                rest = new Change(c.kind(), c.severity(), c.type(), c.member(), c.oldFact(), c.newFact(), c.detail(), uncovered,
                        Optional.empty(), c.causes());
            }
            if (rest != null) out.add(rest);
        }
        acks.forEach((type, list) -> {
            for (Acknowledgement ack : list) {
                if (used.contains(ack)) continue;
                out.add(new Change(ChangeKind.STALE_ACKNOWLEDGEMENT, Severity.NOTE, type, ack.member().orElse(""),
                        "@accept(" + ack.kind() + ")", "", "no change of this kind on these targets: remove the @accept ("
                                + ack.pos() + ")", new TreeSet<>(targets), Optional.empty(), List.of()));
            }
        });
        List<String> typeOrder = current.types().stream().map(Facts.Type::name).toList();
        out.sort(Comparator.comparing((Change c) -> typeOrder.contains(c.type()) ? typeOrder.indexOf(c.type()) : Integer.MAX_VALUE)
                .thenComparing(Change::type).thenComparing(Change::kind).thenComparing(Change::member)
                .thenComparing(Change::oldFact).thenComparing(Change::newFact));
        return out;
    }
}
