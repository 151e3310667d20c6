package org.abilayout.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Target;
import org.abilayout.spec.traits.Acknowledgement;

/**
 * Compares released facts (a lock, or an older spec) with new facts, per target, and produces the
 * typed {@link Verdict}. Rules, for each struct and target:
 * <ul>
 *   <li>every released version's layout must be unchanged in the new spec (a released layout that
 *       changed is a break even if someone rewrote history in the spec);</li>
 *   <li>from the latest released version to the new current one, every old member keeps its
 *       offset, size and type; new members may only take bytes that were reserved (or, for an
 *       {@code @extensible} struct, grow it at the tail); size and alignment stay;</li>
 *   <li>the same holds between consecutive versions of the new spec itself.</li>
 * </ul>
 * Changes with equal kind, member and facts are merged across targets, so a verdict names the
 * exact set of targets each change applies to.
 */
public final class Checker {
    private final List<String> targets;
    private final Map<Key, SortedSet<String>> found = new LinkedHashMap<>();
    private final Map<Key, String> details = new LinkedHashMap<>();

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
        List<Change> changes = c.nested(current);
        changes = acknowledge(changes, acknowledgements, targets, current);
        return new Verdict(current.packageName(), targets, changes);
    }

    // --- the three comparisons --------------------------------------------------------------------

    private void history(Facts.Type t) {
        for (int k = 1; k < t.version(); k++) {
            evolve(t, t.versions().get(k), t, t.versions().get(k + 1), "from version " + k + " to " + (k + 1));
        }
    }

    private void compare(Facts.Spec old, Facts.Spec nu) {
        for (Facts.Type o : old.types()) {
            Optional<Facts.Type> maybe = nu.type(o.name());
            if (maybe.isEmpty()) {
                add(ChangeKind.TYPE_REMOVED, o.name(), "", o.kind() + " " + o.name(), "", "released " + o.kind() + " removed",
                        targets);
                continue;
            }
            Facts.Type n = maybe.get();
            if (!o.kind().equals(n.kind())) {
                add(ChangeKind.KIND_CHANGED, o.name(), "", o.kind(), n.kind(), "", targets);
                continue;
            }
            if (n.version() < o.version()) {
                add(ChangeKind.RELEASED_VERSION_DELETED, o.name(), "", "version " + o.version(), "version " + n.version(),
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
                int before = found.size();
                evolve(o, from, n, to, "from released version " + o.version() + " to " + n.version());
                if (found.size() == before && equalOn(from, to)) {
                    add(ChangeKind.VERSION_BUMPED_WITHOUT_CHANGE, n.name(), "", "version " + o.version(),
                            "version " + n.version(), "the layout is the same as released version " + o.version(), targets);
                }
            }
        }
        for (Facts.Enum o : old.enums()) {
            Optional<Facts.Enum> n = nu.enumType(o.name());
            if (n.isEmpty()) {
                add(ChangeKind.TYPE_REMOVED, o.name(), "", "enum " + o.name(), "", "released enum removed", targets);
                continue;
            }
            if (!o.underlying().equals(n.get().underlying())) {
                add(ChangeKind.ENUM_UNDERLYING_CHANGED, o.name(), "", o.underlying(), n.get().underlying(), "", targets);
            }
            o.values().forEach((name, value) -> {
                Long nv = n.get().values().get(name);
                if (nv == null) add(ChangeKind.ENUM_VALUE_REMOVED, o.name(), name, name + " = " + value, "", "", targets);
                else if (!nv.equals(value)) {
                    add(ChangeKind.ENUM_VALUE_CHANGED, o.name(), name, name + " = " + value, name + " = " + nv, "", targets);
                }
            });
            n.get().values().forEach((name, value) -> {
                if (!o.values().containsKey(name)) {
                    add(ChangeKind.ENUM_VALUE_ADDED, o.name(), name, "", name + " = " + value, "", targets);
                }
            });
        }
        for (Facts.Const o : old.consts()) {
            Optional<Facts.Const> n = nu.constant(o.name());
            if (n.isEmpty()) add(ChangeKind.CONST_REMOVED, o.name(), "", o.type() + " " + o.name() + " = " + o.value(), "", "", targets);
            else if (o.value() != n.get().value() || !o.type().equals(n.get().type())) {
                add(ChangeKind.CONST_CHANGED, o.name(), "", o.type() + " = " + o.value(), n.get().type() + " = " + n.get().value(),
                        "", targets);
            }
        }
    }

    /** A released version must look the same in the new spec. */
    private void same(Facts.Type o, SortedMap<String, Facts.Layout> old, Facts.Type n, SortedMap<String, Facts.Layout> nu,
            int version) {
        String ctx = "in released version " + version;
        for (String t : targets) {
            Facts.Layout a = old.get(t);
            Facts.Layout b = nu.get(t);
            if (a == null) continue; // not released for this target: nothing to keep
            if (b == null) {
                add(ChangeKind.TARGET_REMOVED, o.name(), "", t, "", "", List.of(t));
                continue;
            }
            new Per(n, old, nu, t, ctx, true).run();
        }
    }

    /** From an older layout to a newer one: old members stay, new ones take reserved bytes. */
    private void evolve(Facts.Type o, SortedMap<String, Facts.Layout> old, Facts.Type n,
            SortedMap<String, Facts.Layout> nu, String ctx) {
        for (String t : targets) {
            Facts.Layout a = old.get(t);
            Facts.Layout b = nu.get(t);
            if (a == null || b == null) continue;
            new Per(n, old, nu, t, ctx, false).run();
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
            out.add(List.of(f.reserved() ? "" : f.name(), f.offset(), f.size(), f.reserved() ? "" : f.canonicalType()));
        }
        return out;
    }

    /** The comparison of one struct on one target. */
    private final class Per {
        final Facts.Type newType;
        final Facts.Layout a;
        final Facts.Layout b;
        final String target;
        final String ctx;
        final boolean released;
        final SortedMap<String, Facts.Layout> oldAll;
        final SortedMap<String, Facts.Layout> newAll;

        Per(Facts.Type newType, SortedMap<String, Facts.Layout> oldAll,
                SortedMap<String, Facts.Layout> newAll, String target, String ctx, boolean released) {
            this.oldAll = oldAll;
            this.newAll = newAll;
            this.a = oldAll.get(target);
            this.b = newAll.get(target);
            this.newType = newType;
            this.target = target;
            this.ctx = ctx;
            this.released = released;
        }

        void emit(ChangeKind kind, String member, String oldFact, String newFact, String detail) {
            String d = detail.isEmpty() ? ctx : detail + ", " + ctx;
            if (released && kind.defaultSeverity() == Severity.COMPATIBLE) {
                // even a compatible evolution is a break when it rewrites an already released version
                add(ChangeKind.VERSION_NOT_BUMPED, newType.name(), member, oldFact, newFact,
                        kind.description() + " without a version bump (add @since and raise @version), " + ctx, List.of(target));
                return;
            }
            add(kind, newType.name(), member, oldFact, newFact, d, List.of(target));
        }

        void run() {
            Set<String> matched = new HashSet<>();
            Set<String> newNames = new HashSet<>();
            for (Facts.Field f : b.fields()) if (!f.reserved()) newNames.add(f.name());
            for (Facts.Field o : a.fields()) {
                if (o.reserved()) continue;
                Optional<Facts.Field> maybe = b.field(o.name());
                if (maybe.isEmpty()) {
                    missing(o, matched, newNames);
                    continue;
                }
                Facts.Field n = maybe.get();
                matched.add(n.name());
                member(o, n);
            }
            List<long[]> reservedBefore = new ArrayList<>();
            for (Facts.Field o : a.fields()) if (o.reserved()) reservedBefore.add(new long[] {o.offset(), o.end()});
            for (Facts.Field n : b.fields()) {
                if (n.reserved() || matched.contains(n.name()) || a.field(n.name()).isPresent()) continue;
                added(n, reservedBefore);
            }
            if (a.size() != b.size()) {
                if (newType.extensible() && b.size() > a.size()) {
                    emit(ChangeKind.GREW_AT_TAIL, "", "size " + a.size(), "size " + b.size(), "");
                } else {
                    emit(ChangeKind.SIZE_CHANGED, "", "size " + a.size(), "size " + b.size(), "");
                }
            }
            if (b.align() > a.align()) emit(ChangeKind.ALIGNMENT_RAISED, "", "align " + a.align(), "align " + b.align(), "");
            if (b.align() < a.align()) emit(ChangeKind.ALIGNMENT_LOWERED, "", "align " + a.align(), "align " + b.align(), "");
        }

        private void missing(Facts.Field o, Set<String> matched, Set<String> newNames) {
            for (Facts.Field r : b.fields()) {
                if (r.reserved() || matched.contains(r.name()) || a.field(r.name()).isPresent()) continue;
                if (r.offset() == o.offset() && r.size() == o.size() && r.canonicalType().equals(o.canonicalType())) {
                    matched.add(r.name());
                    emit(ChangeKind.MEMBER_RENAMED, o.name(), o.name(), r.name(), "same offset, size and type");
                    return;
                }
            }
            if (b.fields().stream().anyMatch(f -> f.reserved() && f.name().equals(o.name()))) {
                emit(ChangeKind.MEMBER_REMOVED, o.name(), fact(o), "reserved", "the member became reserved bytes");
                return;
            }
            if (elsewhere(newAll, o.name())) {
                emit(ChangeKind.PRESENCE_CHANGED, o.name(), "present" + cond(o.condition()), "absent" + condOf(newAll, o.name()), "");
                return;
            }
            emit(ChangeKind.MEMBER_REMOVED, o.name(), fact(o), "", "");
        }

        private void member(Facts.Field o, Facts.Field n) {
            if (o.offset() != n.offset()) {
                emit(o.versionField() ? ChangeKind.VERSION_FIELD_MOVED : ChangeKind.MEMBER_OFFSET_CHANGED, o.name(),
                        "offset " + o.offset(), "offset " + n.offset(), "");
            }
            String ot = unqualified(o.canonicalType());
            String nt = unqualified(n.canonicalType());
            if (!ot.equals(nt)) {
                Matcher om = ARRAY.matcher(ot);
                Matcher nm = ARRAY.matcher(nt);
                if (om.matches() && nm.matches() && om.group(1).equals(nm.group(1))) {
                    emit(ChangeKind.ARRAY_LENGTH_CHANGED, o.name(), ot, nt, "size " + o.size() + " -> " + n.size());
                } else if (o.size() == n.size()) {
                    emit(ChangeKind.MEMBER_TYPE_CHANGED_SAME_SIZE, o.name(), ot, nt, "same size " + o.size());
                } else if (INTEGERS.contains(ot) && INTEGERS.contains(nt) && o.offset() == n.offset()
                        && endian(target) == Endian.BIG) {
                    emit(ChangeKind.BYTE_ORDER_DEPENDENT, o.name(), ot + " (" + o.size() + " bytes)", nt + " (" + n.size() + " bytes)",
                            "on a big-endian target the value's bytes move");
                } else if (o.size() != n.size() && INTEGERS.contains(ot) && INTEGERS.contains(nt)) {
                    emit(ChangeKind.MEMBER_SIZE_CHANGED, o.name(), ot + " (" + o.size() + " bytes)", nt + " (" + n.size() + " bytes)", "");
                } else {
                    emit(ChangeKind.MEMBER_TYPE_CHANGED, o.name(), ot + " (" + o.size() + " bytes)", nt + " (" + n.size() + " bytes)", "");
                }
            } else if (o.size() != n.size()) {
                emit(ot.startsWith("struct ") || ot.startsWith("union ") ? ChangeKind.NESTED_CHANGED : ChangeKind.MEMBER_SIZE_CHANGED,
                        o.name(), "size " + o.size(), "size " + n.size(), "");
            }
            if ((o.isAtomic() && !n.isAtomic()) || (o.isVolatile() && !n.isVolatile())) {
                emit(ChangeKind.ATOMIC_DROPPED, o.name(), o.canonicalType(), n.canonicalType(), "");
            }
        }

        private void added(Facts.Field n, List<long[]> reservedBefore) {
            if (elsewhere(oldAll, n.name())) {
                emit(ChangeKind.PRESENCE_CHANGED, n.name(), "absent" + condOf(oldAll, n.name()), "present" + cond(n.condition()), "");
                return;
            }
            long covered = 0;
            long start = n.offset();
            long end = n.end();
            for (long[] r : reservedBefore) covered += Math.max(0, Math.min(end, r[1]) - Math.max(start, r[0]));
            String bytes = "bytes " + start + ".." + end;
            String member = n.type() + " " + n.name();
            if (n.size() > 0 && covered == n.size()) {
                emit(ChangeKind.RESERVED_CONSUMED, n.name(), "reserved " + bytes, member, "");
            } else if (covered > 0) {
                emit(ChangeKind.RESERVED_OVERRUN, n.name(), "reserved " + covered + " of " + bytes, member,
                        (n.size() - covered) + " of its bytes were not reserved");
            } else if (newType.extensible() && start >= a.size()) {
                emit(ChangeKind.GREW_AT_TAIL, n.name(), "size " + a.size(), member + " at " + bytes, "");
            } else {
                emit(ChangeKind.MEMBER_ADDED_OUTSIDE_RESERVED, n.name(), "", member + " at " + bytes,
                        "its bytes were not reserved before");
            }
        }

    }

    private static final Pattern ARRAY = Pattern.compile("(.*?)((\\[\\d*\\])+)");
    private static final Set<String> INTEGERS = Set.of("char", "signed char", "unsigned char", "short", "unsigned short",
            "int", "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "int8_t", "uint8_t", "int16_t",
            "uint16_t", "int32_t", "uint32_t", "int64_t", "uint64_t", "intptr_t", "uintptr_t", "size_t", "ssize_t", "ptrdiff_t",
            "_Bool", "wchar_t");

    private static String unqualified(String type) {
        return type.replace("volatile ", "").replace("_Atomic ", "").replace("const ", "").replace("*volatile", "*")
                .replace("*_Atomic", "*").replace("*const", "*");
    }

    private static Endian endian(String target) {
        return Catalogue.byName(target).map(Target::endian).orElse(Endian.LITTLE);
    }

    /** Whether the member exists in this version on some target (so its absence here is conditional). */
    private static boolean elsewhere(SortedMap<String, Facts.Layout> version, String name) {
        for (Facts.Layout l : version.values()) if (l.field(name).isPresent()) return true;
        return false;
    }

    private static String condOf(SortedMap<String, Facts.Layout> version, String name) {
        for (Facts.Layout l : version.values()) {
            Optional<Facts.Field> f = l.field(name);
            if (f.isPresent()) return cond(f.get().condition());
        }
        return "";
    }

    private static String cond(String condition) {
        return condition.isEmpty() ? "" : " (@if(" + condition + "))";
    }

    private static String fact(Facts.Field f) {
        return f.type() + " " + f.name() + " at offset " + f.offset();
    }

    // --- merging, nesting and acknowledgements ------------------------------------------------------

    private record Key(ChangeKind kind, String type, String member, String oldFact, String newFact) {}

    private void add(ChangeKind kind, String type, String member, String oldFact, String newFact, String detail,
            List<String> where) {
        Key key = new Key(kind, type, member, oldFact, newFact);
        found.computeIfAbsent(key, k -> new TreeSet<>()).addAll(where);
        details.putIfAbsent(key, detail);
    }

    /**
     * Members whose struct type changed get a {@link ChangeKind#NESTED_CHANGED} whose causes are
     * the nested type's changes on those targets.
     */
    private List<Change> nested(Facts.Spec current) {
        List<Change> out = new ArrayList<>();
        for (var e : found.entrySet()) {
            Key k = e.getKey();
            out.add(new Change(k.kind(), k.kind().defaultSeverity(), k.type(), k.member(), k.oldFact(), k.newFact(),
                    details.get(k), e.getValue(), Optional.empty(), List.of()));
        }
        List<Change> extra = new ArrayList<>();
        for (Facts.Type t : current.types()) {
            Facts.Layout any = t.versions().get(t.version()).values().stream().findFirst().orElse(null);
            if (any == null) continue;
            for (Facts.Field f : any.fields()) {
                String nestedType = unqualified(f.canonicalType()).replaceFirst("^(struct|union) ", "").replaceAll("\\[.*", "");
                if (f.reserved() || !(unqualified(f.canonicalType()).startsWith("struct ") || unqualified(f.canonicalType()).startsWith("union "))) continue;
                List<Change> causes = out.stream().filter(c -> c.type().equals(nestedType) && c.isBreaking()).toList();
                boolean already = out.stream().anyMatch(c -> c.type().equals(t.name()) && c.member().equals(f.name())
                        && c.kind() == ChangeKind.NESTED_CHANGED);
                if (causes.isEmpty() || already) continue;
                SortedSet<String> where = new TreeSet<>();
                causes.forEach(c -> where.addAll(c.targets()));
                extra.add(new Change(ChangeKind.NESTED_CHANGED, Severity.BREAKING, t.name(), f.name(), f.canonicalType(),
                        f.canonicalType(), "the layout of " + unqualified(f.canonicalType()) + " changed", where, Optional.empty(), causes));
            }
        }
        out.addAll(extra);
        return out;
    }

    private static List<Change> acknowledge(List<Change> changes, Map<String, List<Acknowledgement>> acks,
            List<String> targets, Facts.Spec current) {
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
