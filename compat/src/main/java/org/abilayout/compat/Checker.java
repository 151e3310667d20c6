package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.abilayout.spec.traits.Acknowledgement;

/**
 * Compares released facts (a lock, or an older spec) with new facts and produces the typed
 * {@link Verdict}. This class decides what is compared with what; the passes do the rest, each a
 * class with one job, as libabigail keeps its diff graph apart from categorisation and
 * suppression:
 * <ol>
 *   <li>{@link TargetDiff}, per struct and target: old layout against new, member by member;</li>
 *   <li>{@link TargetMerge}: equal findings on several targets become one change naming them;</li>
 *   <li>{@link Causes}: a member whose struct type broke points to that type's changes;</li>
 *   <li>{@link Acknowledgements}: {@code @accept} turns covered changes into notes.</li>
 * </ol>
 * What is compared, for each struct and target: every released version's layout must be
 * unchanged in the new spec (a released layout that changed is a break even if someone rewrote
 * history in the spec); from the latest released version to the new current one, and between
 * consecutive versions of the new spec itself, the rules of {@link TargetDiff} hold.
 */
public final class Checker {
    private final List<String> targets;
    private final TargetMerge merge = new TargetMerge();

    private Checker(List<String> targets) {
        this.targets = targets;
    }

    /**
     * @param released the lock or the older spec; empty when there is no lock yet (only the new
     *     spec's own history is checked)
     * @param current the new spec
     * @param targets the targets to compare, by name
     * @param acknowledgements {@code @accept}s of the new spec, by type name
     */
    public static Verdict check(Optional<Facts.Spec> released, Facts.Spec current, List<String> targets,
            Map<String, List<Acknowledgement>> acknowledgements) {
        Checker c = new Checker(targets);
        for (Facts.Type t : current.types()) {
            // a released type is checked from its latest released version on (compare below);
            // only a type nobody has released yet is checked against its own history alone
            if (released.flatMap(r -> r.type(t.name())).isEmpty()) c.history(t);
        }
        released.ifPresent(r -> c.compare(r, current));
        List<Change> changes = Causes.link(c.merge.changes(), current);
        changes = Acknowledgements.apply(changes, acknowledgements, targets, current);
        return new Verdict(current.packageName(), targets, changes);
    }

    private void history(Facts.Type t) {
        for (int k = 1; k < t.version(); k++) {
            evolve(t, t.versions().get(k), t.versions().get(k + 1), "from version " + k + " to " + (k + 1));
        }
    }

    private void compare(Facts.Spec old, Facts.Spec nu) {
        for (Facts.Type o : old.types()) {
            Optional<Facts.Type> maybe = nu.type(o.name());
            if (maybe.isEmpty()) {
                merge.add(ChangeKind.TYPE_REMOVED, o.name(), "", o.kind() + " " + o.name(), "", "released " + o.kind()
                        + " removed", targets);
                continue;
            }
            Facts.Type n = maybe.get();
            if (!o.kind().equals(n.kind())) {
                merge.add(ChangeKind.KIND_CHANGED, o.name(), "", o.kind(), n.kind(), "", targets);
                continue;
            }
            if (n.version() < o.version()) {
                merge.add(ChangeKind.RELEASED_VERSION_DELETED, o.name(), "", "version " + o.version(), "version " + n.version(),
                        "the lock has version " + o.version() + " but the spec says @version(" + n.version() + ")", targets);
            }
            for (var released : o.versions().entrySet()) {
                int k = released.getKey();
                if (k > n.version()) continue;
                same(o, released.getValue(), n, n.versions().get(k), k);
            }
            if (n.version() > o.version()) {
                SortedMap<String, Facts.Layout> from = o.versions().get(o.version());
                SortedMap<String, Facts.Layout> to = n.versions().get(n.version());
                int before = merge.size();
                evolve(n, from, to, "from released version " + o.version() + " to " + n.version());
                if (merge.size() == before && equalOn(from, to)) {
                    merge.add(ChangeKind.VERSION_BUMPED_WITHOUT_CHANGE, n.name(), "", "version " + o.version(),
                            "version " + n.version(), "the layout is the same as released version " + o.version(), targets);
                }
            }
        }
        compareEnums(old, nu);
        compareConsts(old, nu);
    }

    private void compareEnums(Facts.Spec old, Facts.Spec nu) {
        for (Facts.Enum o : old.enums()) {
            Optional<Facts.Enum> n = nu.enumType(o.name());
            if (n.isEmpty()) {
                merge.add(ChangeKind.TYPE_REMOVED, o.name(), "", "enum " + o.name(), "", "released enum removed", targets);
                continue;
            }
            if (!o.underlying().equals(n.get().underlying())) {
                merge.add(ChangeKind.ENUM_UNDERLYING_CHANGED, o.name(), "", o.underlying(), n.get().underlying(), "", targets);
            }
            o.values().forEach((name, value) -> {
                Long nv = n.get().values().get(name);
                if (nv == null) merge.add(ChangeKind.ENUM_VALUE_REMOVED, o.name(), name, name + " = " + value, "", "", targets);
                else if (!nv.equals(value)) {
                    merge.add(ChangeKind.ENUM_VALUE_CHANGED, o.name(), name, name + " = " + value, name + " = " + nv, "", targets);
                }
            });
            n.get().values().forEach((name, value) -> {
                if (!o.values().containsKey(name)) {
                    merge.add(ChangeKind.ENUM_VALUE_ADDED, o.name(), name, "", name + " = " + value, "", targets);
                }
            });
        }
    }

    private void compareConsts(Facts.Spec old, Facts.Spec nu) {
        for (Facts.Const o : old.consts()) {
            Optional<Facts.Const> n = nu.constant(o.name());
            if (n.isEmpty()) {
                merge.add(ChangeKind.CONST_REMOVED, o.name(), "", o.type() + " " + o.name() + " = " + o.value(), "", "", targets);
            } else if (o.value() != n.get().value() || !o.type().equals(n.get().type())) {
                merge.add(ChangeKind.CONST_CHANGED, o.name(), "", o.type() + " = " + o.value(),
                        n.get().type() + " = " + n.get().value(), "", targets);
            }
        }
    }

    /** A released version must look the same in the new spec. */
    private void same(Facts.Type o, SortedMap<String, Facts.Layout> old, Facts.Type n, SortedMap<String, Facts.Layout> nu,
            int version) {
        String ctx = "in released version " + version;
        for (String t : targets) {
            if (old.get(t) == null) continue; // not released for this target: nothing to keep
            if (nu.get(t) == null) {
                merge.add(ChangeKind.TARGET_REMOVED, o.name(), "", t, "", "", List.of(t));
                continue;
            }
            new TargetDiff(n, old, nu, t, ctx, true, merge::add).run();
        }
    }

    /** From an older layout to a newer one: old members stay, new ones take reserved bytes. */
    private void evolve(Facts.Type n, SortedMap<String, Facts.Layout> old, SortedMap<String, Facts.Layout> nu, String ctx) {
        for (String t : targets) {
            if (old.get(t) == null || nu.get(t) == null) continue;
            new TargetDiff(n, old, nu, t, ctx, false, merge::add).run();
        }
    }

    private boolean equalOn(SortedMap<String, Facts.Layout> a, SortedMap<String, Facts.Layout> b) {
        for (String t : targets) if (!Objects.equals(strip(a.get(t)), strip(b.get(t)))) return false;
        return true;
    }

    /** A layout without the facts that do not make bytes differ (since, spelling of typedefs). */
    private static List<Object> strip(Facts.Layout l) {
        if (l == null) return null;
        List<Object> out = new ArrayList<>(List.of(l.size(), l.align()));
        for (Facts.Field f : l.fields()) {
            out.add(List.of(f.reserved() ? "" : f.name(), f.offset(), f.size(), f.reserved() ? "" : f.type().canonical()));
        }
        return out;
    }
}
