package org.abilayout.layout;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;

/**
 * Model × target → layout. The engine supplies every type's size and in-struct alignment from
 * the target (that is where the scalar ABI quirks live: i386 {@code double}, m68k {@code int},
 * MSVC {@code long}, ...) and lays each record out once per target with the target's
 * {@link RecordRules} (the SysV family or MSVC), which place the members. The engine never
 * formats text.
 *
 * <p>The resolver guarantees the model is acyclic and bounded in depth, so the recursion here
 * is bounded too.
 */
public final class LayoutEngine {
    private final Target target;
    private final RecordRules rules;
    private final Map<RecordDecl, RecordLayout> done = new IdentityHashMap<>();

    private LayoutEngine(Target target) {
        this.target = target;
        this.rules = RecordRules.of(this);
    }

    Target target() {
        return target;
    }

    /** Lays out every named record of {@code spec} on {@code target}. */
    public static SpecLayout layout(Spec spec, Target target) throws SpecException {
        return layoutAll(spec, List.of(target)).perTarget().getFirst();
    }

    /**
     * Lays out every named record of {@code spec} on each target. Errors (an object too large for
     * a target) are collected over all targets and reported once per position, naming the targets.
     */
    public static Layouts layoutAll(Spec spec, List<Target> targets) throws SpecException {
        List<RecordDecl> decls = spec.records();
        // targets with the same layout environment and the same answers to the spec's per-target
        // choices get identical layouts: lay out one of each such group (most LP64 targets are
        // one), and give the others the same layouts under their own names
        TargetChoices choices = TargetChoices.of(spec);
        Map<List<Object>, Integer> representative = new LinkedHashMap<>();
        int[] groupOf = new int[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            int first = i;
            Target t = targets.get(i);
            groupOf[i] = representative.computeIfAbsent(List.of(RecordRules.environment(t), choices.on(t)), k -> first);
        }
        // the groups are independent: lay them out in parallel, then report in the order given
        Map<Integer, Object> laidOut = new java.util.concurrent.ConcurrentHashMap<>();
        representative.values().parallelStream().forEach(i -> {
            Target t = targets.get(i);
            LayoutEngine engine = new LayoutEngine(t);
            List<RecordLayout> records = new ArrayList<>(decls.size());
            try {
                for (RecordDecl r : decls) records.add(engine.record(r));
                laidOut.put(i, new SpecLayout(spec, t, records));
            } catch (LayoutProblem e) {
                laidOut.put(i, e);
            }
        });
        List<Object> results = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Object r = laidOut.get(groupOf[i]);
            results.add(groupOf[i] != i && r instanceof SpecLayout sl ? sl.on(targets.get(i)) : r);
        }
        List<SpecLayout> out = new ArrayList<>(targets.size());
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, SourcePos> failurePos = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            switch (results.get(i)) {
                case SpecLayout sl -> out.add(sl);
                case LayoutProblem e -> {
                    String key = e.pos + "\u0000" + e.getMessage();
                    failures.computeIfAbsent(key, k -> new ArrayList<>()).add(targets.get(i).name());
                    failurePos.put(key, e.pos);
                }
                default -> throw new AssertionError(results.get(i));
            }
        }
        if (!failures.isEmpty()) {
            List<Diagnostic> diags = new ArrayList<>();
            failures.forEach((key, names) -> diags.add(Diagnostic.error(failurePos.get(key),
                    key.substring(key.indexOf('\u0000') + 1) + " on "
                            + (names.size() == targets.size() && targets.size() > 1 ? "every target" : String.join(", ", names)))));
            throw new SpecException(diags, List.of(spec.source()));
        }
        return new Layouts(spec, out);
    }

    /** Size and in-struct alignment of an object of {@code type} on a target. */
    public static TypeInfo typeInfo(CType type, Target target) {
        return typeInfo(type, Qualifiers.NONE, target);
    }

    /** Size and in-struct alignment of a type with the given qualifiers added, on a target. */
    public static TypeInfo typeInfo(CType type, Qualifiers qualifiers, Target target) {
        try {
            return new LayoutEngine(target).info(type, qualifiers, SourcePos.NONE, "type");
        } catch (LayoutProblem e) {
            throw new ArithmeticException(e.getMessage() + " on " + target.name());
        }
    }

    /** The layout of {@code decl} on this engine's target, computed once. */
    RecordLayout record(RecordDecl decl) throws LayoutProblem {
        RecordLayout cached = done.get(decl);
        if (cached != null) return cached;
        RecordLayout layout = rules.layout(decl);
        done.put(decl, layout);
        return layout;
    }

    /** The innermost element of a type, typedefs, qualifiers and arrays looked through. */
    static CType elementType(CType type) {
        CType t = type.unwrap();
        while (t instanceof CType.ArrayType a) t = a.element().unwrap();
        return t;
    }

    /** Size and in-struct alignment of an object of {@code type}. */
    TypeInfo info(CType type, SourcePos pos, String what) throws LayoutProblem {
        return info(type, Qualifiers.NONE, pos, what);
    }

    /** Size and in-struct alignment of an object of {@code type}, with {@code q} added to its own qualifiers. */
    private TypeInfo info(CType type, Qualifiers q, SourcePos pos, String what) throws LayoutProblem {
        return switch (type) {
            case CType.TypedefType td -> info(td.decl().type(), q, pos, what);
            case CType.QualifiedType qt -> info(qt.type(), q.merge(qt.qualifiers()), pos, what);
            case CType.ScalarType s -> atomic(target.info(s.scalar()), q);
            case CType.EnumType e -> atomic(target.info(e.definition().storageScalar()), q);
            case CType.PointerType p -> atomic(target.pointer(), q);
            // the resolver refuses _Atomic records (compilers disagree on them), so q has none here
            case CType.RecordType r -> {
                RecordLayout l = record(r.decl());
                yield new TypeInfo(l.size(), l.align());
            }
            case CType.ArrayType arr -> {
                TypeInfo el = info(arr.element(), q, pos, what);
                if (arr.isFlexible()) yield new TypeInfo(0, el.align());
                long size;
                try {
                    size = Math.multiplyExact(el.size(), arr.length().getAsLong());
                } catch (ArithmeticException e) {
                    throw new LayoutProblem(pos, what + " is larger than the largest object");
                }
                yield new TypeInfo(checked(size, pos, what), el.align());
            }
            case CType.VoidType v -> throw new IllegalArgumentException("void is not an object type");
            case CType.FunctionType f -> throw new IllegalArgumentException("a function is not an object type");
        };
    }

    private TypeInfo atomic(TypeInfo plain, Qualifiers q) {
        return q.isAtomic() ? target.atomic(plain) : plain;
    }

    /** The largest object size the target's compiler accepts (clang: half the address space). */
    private long maxObject() {
        return target.pointerBytes() == 4 ? 0x7fff_ffffL : (1L << 60) - 1;
    }

    long checked(long size, SourcePos pos, String what) throws LayoutProblem {
        if (size < 0 || size > maxObject()) throw new LayoutProblem(pos, what + " is larger than the largest object");
        return size;
    }

    static long alignUp(long value, long align) {
        return (value + align - 1) & -align;
    }
}
