package org.abilayout.codegen.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.abilayout.arch.Target;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.predicate.Predicate;

/** Pass: a record and its layouts on every target → the {@link Leaf}s its class has accessors for. */
final class Leaves {
    private Leaves() {}

    /** The FFM layout name of the {@code index}-th member when it is anonymous. */
    static String anonymousName(int index) {
        return "(anonymous " + index + ")";
    }

    static String layoutName(Member m, int index) {
        return m.isAnonymous() ? anonymousName(index) : m.name();
    }

    static List<Leaf> of(RecordDecl decl, List<RecordLayout> layouts) {
        List<Leaf> out = new ArrayList<>();
        Map<String, Long> bases = new LinkedHashMap<>();
        Map<String, RecordLayout> byTarget = new LinkedHashMap<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (RecordLayout l : layouts) {
            bases.put(l.target().name(), 0L);
            byTarget.put(l.target().name(), l);
            targets.put(l.target().name(), l.target());
        }
        walk(decl, targets, byTarget, bases, "", "", List.of(), List.of(), out);
        return out;
    }

    /**
     * @param targets each target by name: nested layouts may name another target with the same
     *     layout environment, so the target is always the outermost record's
     */
    private static void walk(RecordDecl decl, Map<String, Target> targets, Map<String, RecordLayout> layouts,
            Map<String, Long> bases, String javaPrefix,
            String cPrefix, List<String> path, List<Predicate> conditions, List<Leaf> out) {
        for (int i = 0; i < decl.members().size(); i++) {
            Member m = decl.members().get(i);
            List<String> memberPath = append(path, layoutName(m, i));
            List<Predicate> memberConditions = new ArrayList<>(conditions);
            m.traits().condition().ifPresent(memberConditions::add);
            // where the member sits on each target that has it
            Map<String, FieldLayout> fields = new LinkedHashMap<>();
            Map<String, Long> offsets = new LinkedHashMap<>();
            Map<String, RecordLayout> nested = new LinkedHashMap<>();
            for (var e : layouts.entrySet()) {
                for (FieldLayout f : e.getValue().fields()) {
                    if (f.member() != m) continue;
                    fields.put(e.getKey(), f);
                    offsets.put(e.getKey(), bases.get(e.getKey()) + f.offset());
                    f.nested().ifPresent(n -> nested.put(e.getKey(), n));
                }
            }
            Unwrapped u = Unwrapped.of(m.type());
            boolean anonymousRecord = u.element() instanceof CType.RecordType rt && rt.decl().isAnonymous();
            if (m.isAnonymous() && anonymousRecord) {
                walk(((CType.RecordType) u.element()).decl(), targets, nested, offsets, javaPrefix, cPrefix, memberPath,
                        memberConditions, out);
                continue;
            }
            String javaName = JavaNames.memberName(javaPrefix + m.name());
            String cName = cPrefix + m.name();
            Map<String, Leaf.Placement> placements = new LinkedHashMap<>();
            for (var e : fields.entrySet()) {
                Target t = targets.get(e.getKey());
                FieldLayout f = e.getValue();
                long elementSize = f.nested().isPresent() ? f.nested().get().size()
                        : LayoutEngine.typeInfo(u.element(), u.qualifiers(), t).size();
                placements.put(e.getKey(), new Leaf.Placement(offsets.get(e.getKey()), f.size(), f.align(), elementSize));
            }
            boolean scalar = switch (u.element()) {
                case CType.ScalarType s -> JavaScalar.of(s.scalar()) != JavaScalar.RAW;
                case CType.EnumType en -> true;
                case CType.PointerType p -> true;
                default -> false;
            };
            JavaScalar js = switch (u.element()) {
                case CType.ScalarType s -> JavaScalar.of(s.scalar());
                case CType.EnumType en -> JavaScalar.of(en.definition().storageScalar());
                case CType.PointerType p -> JavaScalar.pointer();
                default -> JavaScalar.RAW;
            };
            out.add(new Leaf(javaName, cName, memberPath, m, u.element(), u.qualifiers(), u.dims(),
                    scalar ? Leaf.Shape.SCALAR : Leaf.Shape.SLICE, js, memberConditions, m.traits().since(), placements));
            if (anonymousRecord && u.dims().isEmpty()) {
                walk(((CType.RecordType) u.element()).decl(), targets, nested, offsets, javaName + "_", cName + ".", memberPath,
                        memberConditions, out);
            }
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }

    /** A type with typedefs looked through and array dimensions peeled off. */
    record Unwrapped(CType element, Qualifiers qualifiers, List<OptionalLong> dims) {
        static Unwrapped of(CType type) {
            var e = org.abilayout.spec.model.ElementType.of(type);
            return new Unwrapped(e.element(), e.qualifiers(), e.dims());
        }
    }
}
