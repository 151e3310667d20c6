package org.abilayout.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Target;

/**
 * The per-target pass: one struct's older layout against its newer one on one target, member by
 * member. Old members must keep offset, size and type; new members may only take bytes that
 * were reserved (or, for an {@code @extensible} struct, grow it at the tail); size and alignment
 * stay. Every rule works on {@link TypeFacts}, never on spellings.
 */
final class TargetDiff {
    private final Facts.Type newType;
    private final Facts.Layout a;
    private final Facts.Layout b;
    private final String target;
    private final String ctx;
    private final boolean released;
    private final SortedMap<String, Facts.Layout> oldAll;
    private final SortedMap<String, Facts.Layout> newAll;
    private final Consumer<Finding> out;

    /**
     * @param oldAll the older version's layouts on every target (to tell a member absent here from
     *     one removed everywhere)
     * @param released whether the older layout is a released version that must not change at all
     *     (then even a compatible evolution is a break: it rewrites history)
     */
    TargetDiff(Facts.Type newType, SortedMap<String, Facts.Layout> oldAll, SortedMap<String, Facts.Layout> newAll,
            String target, String ctx, boolean released, Consumer<Finding> out) {
        this.newType = newType;
        this.oldAll = oldAll;
        this.newAll = newAll;
        this.a = oldAll.get(target);
        this.b = newAll.get(target);
        this.target = target;
        this.ctx = ctx;
        this.released = released;
        this.out = out;
    }

    private void emit(ChangeKind kind, String member, String oldFact, String newFact, String detail) {
        String d = detail.isEmpty() ? ctx : detail + ", " + ctx;
        if (released && kind.defaultSeverity() == Severity.COMPATIBLE) {
            out.accept(new Finding(ChangeKind.VERSION_NOT_BUMPED, newType.name(), member, oldFact, newFact,
                    kind.description() + " without a version bump (add @since and raise @version), " + ctx, target));
            return;
        }
        out.accept(new Finding(kind, newType.name(), member, oldFact, newFact, d, target));
    }

    void run() {
        Set<String> matched = new HashSet<>();
        for (Facts.Field o : a.fields()) {
            if (o.reserved()) continue;
            Optional<Facts.Field> maybe = b.field(o.name());
            if (maybe.isEmpty()) {
                missing(o, matched);
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

    private void missing(Facts.Field o, Set<String> matched) {
        for (Facts.Field r : b.fields()) {
            if (r.reserved() || matched.contains(r.name()) || a.field(r.name()).isPresent()) continue;
            if (r.offset() == o.offset() && r.size() == o.size() && r.type().canonical().equals(o.type().canonical())) {
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
        TypeFacts ot = o.type();
        TypeFacts nt = n.type();
        if (!ot.bare().equals(nt.bare())) {
            if (ot.isArray() && nt.isArray() && ot.element().equals(nt.element())) {
                emit(ChangeKind.ARRAY_LENGTH_CHANGED, o.name(), ot.bare(), nt.bare(), "size " + o.size() + " -> " + n.size());
            } else if (o.size() == n.size()) {
                emit(ChangeKind.MEMBER_TYPE_CHANGED_SAME_SIZE, o.name(), ot.bare(), nt.bare(), "same size " + o.size());
            } else if (isInteger(ot) && isInteger(nt) && o.offset() == n.offset() && endian(target) == Endian.BIG) {
                emit(ChangeKind.BYTE_ORDER_DEPENDENT, o.name(), ot.bare() + " (" + o.size() + " bytes)",
                        nt.bare() + " (" + n.size() + " bytes)", "on a big-endian target the value's bytes move");
            } else if (isInteger(ot) && isInteger(nt)) {
                emit(ChangeKind.MEMBER_SIZE_CHANGED, o.name(), ot.bare() + " (" + o.size() + " bytes)",
                        nt.bare() + " (" + n.size() + " bytes)", "");
            } else {
                emit(ChangeKind.MEMBER_TYPE_CHANGED, o.name(), ot.bare() + " (" + o.size() + " bytes)",
                        nt.bare() + " (" + n.size() + " bytes)", "");
            }
        } else if (o.size() != n.size()) {
            emit(ot.typeClass() == TypeFacts.TypeClass.RECORD ? ChangeKind.NESTED_CHANGED : ChangeKind.MEMBER_SIZE_CHANGED,
                    o.name(), "size " + o.size(), "size " + n.size(), "");
        }
        if ((ot.isAtomic() && !nt.isAtomic()) || (ot.isVolatile() && !nt.isVolatile())) {
            emit(ChangeKind.ATOMIC_DROPPED, o.name(), ot.canonical(), nt.canonical(), "");
        }
    }

    /** A single integer (not an array of them): its bytes' meaning depends on byte order. */
    private static boolean isInteger(TypeFacts t) {
        return t.typeClass() == TypeFacts.TypeClass.INTEGER && !t.isArray();
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
        String member = n.type().written() + " " + n.name();
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
        return f.type().written() + " " + f.name() + " at offset " + f.offset();
    }
}
