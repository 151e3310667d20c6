package org.abilayout.abitests.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * What the cross-language tests write and expect: for every struct and union of a spec, one or
 * more instances (a union: one per member), and in each every scalar element that exists on the
 * target, with a distinct value, the C expression that reaches it and the Java accessor chain.
 * Both the C program and the Java side are driven from this one plan.
 */
final class Plan {
    /** Bytes between instances in the shared file. */
    static final int SLOT = 1024;
    /** Elements written to a flexible array member. */
    static final int FLEXIBLE = 3;

    /** One struct or union instance at {@code index * SLOT}. */
    record Instance(RecordDecl decl, int index, List<Slot> slots) {}

    /** One Java step: {@code Class.forTarget(t).method(segment, indices...)}. */
    record Step(String className, String method, List<Long> indices) {}

    /**
     * One scalar element.
     *
     * @param steps slices to take first (nested structs), then the scalar accessor as the last step
     * @param bits the value's bits (truncated to the storage when used)
     */
    record Slot(String cExpr, List<Step> steps, CType type, Qualifiers qualifiers, long bits, String label) {
        /** What {@code long double} members are: raw bytes Java copies, C compares by value. */
        boolean raw() {
            return type instanceof CType.ScalarType s && s.scalar() == Scalar.LONG_DOUBLE;
        }
    }

    static List<Instance> of(Spec spec, Target target) {
        List<Instance> out = new ArrayList<>();
        int[] counter = {1};
        for (RecordDecl r : spec.records()) {
            int variants = r.kind() == RecordDecl.Kind.UNION ? r.members().size() : 1;
            for (int v = 0; v < variants; v++) {
                List<Slot> slots = new ArrayList<>();
                String p = "p" + out.size() + "->";
                walk(r, v, target, p, className(r.name()), "", List.of(), counter, slots);
                out.add(new Instance(r, out.size(), slots));
            }
        }
        return out;
    }

    static String className(String c) {
        StringBuilder out = new StringBuilder();
        for (String part : c.split("_")) if (!part.isEmpty()) out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        return out.toString();
    }

    private static void walk(RecordDecl r, int variant, Target t, String c, String cls, String prefix, List<Step> steps,
            int[] counter, List<Slot> out) {
        List<Member> members = r.members();
        if (r.kind() == RecordDecl.Kind.UNION) members = List.of(members.get(variant));
        for (Member m : members) {
            if (!m.traits().presentOn(t)) continue;
            Unwrapped u = Unwrapped.of(m.type());
            boolean anonRecord = u.element instanceof CType.RecordType rt && rt.decl().isAnonymous();
            if (m.isAnonymous()) {
                walk(((CType.RecordType) u.element).decl(), 0, t, c, cls, prefix, steps, counter, out);
                continue;
            }
            if (anonRecord) {
                walk(((CType.RecordType) u.element).decl(), 0, t, c + m.name() + ".", cls, prefix + m.name() + "_", steps, counter, out);
                continue;
            }
            for (long[] idx : indices(u.dims)) {
                StringBuilder ce = new StringBuilder(c).append(m.name());
                List<Long> il = new ArrayList<>();
                for (long i : idx) {
                    ce.append('[').append(i).append(']');
                    il.add(i);
                }
                Step step = new Step(cls, prefix + m.name(), il);
                List<Step> next = new ArrayList<>(steps);
                next.add(step);
                if (u.element instanceof CType.RecordType rt) {
                    RecordDecl inner = rt.decl();
                    walk(inner, 0, t, ce + ".", className(inner.name()), "", next, counter, out);
                } else {
                    long bits = m.traits().versionField() ? 2 : mix(counter[0]++);
                    out.add(new Slot(ce.toString(), next, u.element, u.qualifiers, bits, ce.toString().replace("->", ".")));
                }
            }
        }
    }

    private static long mix(int k) {
        return k * 0x9E3779B97F4A7C15L + 0x0123_4567_89AB_CDEFL * (k & 1) + k;
    }

    private static List<long[]> indices(List<Long> dims) {
        List<long[]> out = new ArrayList<>();
        out.add(new long[0]);
        for (long d : dims) {
            List<long[]> next = new ArrayList<>();
            for (long[] prefix : out) {
                for (long i = 0; i < (d < 0 ? FLEXIBLE : d); i++) {
                    long[] a = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    a[prefix.length] = i;
                    next.add(a);
                }
            }
            out = next;
        }
        return out;
    }

    /** Typedefs looked through, array dimensions peeled ({@code -1}: flexible). */
    record Unwrapped(CType element, Qualifiers qualifiers, List<Long> dims) {
        static Unwrapped of(CType type) {
            var e = org.abilayout.spec.model.ElementType.of(type);
            return new Unwrapped(e.element(), e.qualifiers(),
                    e.dims().stream().map(d -> d.isPresent() ? d.getAsLong() : -1L).toList());
        }
    }
}
