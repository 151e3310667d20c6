package org.abilayout.layout;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.RecordAbi;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;

/**
 * Model × target → layout, by the C rules: each member at the next offset that is a multiple of
 * its alignment; a struct's alignment is the largest of its members' (and {@code @align}); its
 * size is rounded up to its alignment; a union overlays its members at offset 0. The target
 * supplies every scalar's size and in-struct alignment (that is where the ABI quirks live: i386
 * {@code double}, m68k {@code int}, MSVC {@code long}, ...). The engine never formats text.
 *
 * <p>The resolver guarantees the model is acyclic and bounded in depth, so the recursion here
 * is bounded too.
 */
public final class LayoutEngine {
    private final Target target;
    private final Map<RecordDecl, RecordLayout> done = new IdentityHashMap<>();

    private LayoutEngine(Target target) {
        this.target = target;
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
        // targets are independent: lay them out in parallel, then report in the order given
        List<Object> results = targets.parallelStream().map(t -> {
            LayoutEngine engine = new LayoutEngine(t);
            List<RecordLayout> records = new ArrayList<>(decls.size());
            try {
                for (RecordDecl r : decls) records.add(engine.record(r));
                return (Object) new SpecLayout(spec, t, records);
            } catch (Problem e) {
                return e;
            }
        }).toList();
        List<SpecLayout> out = new ArrayList<>(targets.size());
        Map<String, List<String>> failures = new LinkedHashMap<>();
        Map<String, SourcePos> failurePos = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            switch (results.get(i)) {
                case SpecLayout sl -> out.add(sl);
                case Problem e -> {
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
        } catch (Problem e) {
            throw new ArithmeticException(e.getMessage() + " on " + target.name());
        }
    }

    private RecordLayout record(RecordDecl decl) throws Problem {
        RecordLayout cached = done.get(decl);
        if (cached != null) return cached;
        boolean union = decl.kind() == RecordDecl.Kind.UNION;
        List<FieldLayout> fields = new ArrayList<>(decl.members().size());
        long end = 0;
        long align = 1;
        long required = decl.align().orElse(1);
        for (Member m : decl.members()) {
            if (!m.traits().presentOn(target)) continue; // @if(...) says it does not exist here
            String what = "member '" + (m.isAnonymous() ? "(anonymous)" : m.name()) + "'";
            TypeInfo ti = info(m.type(), Qualifiers.NONE, m.pos(), what);
            long a = decl.packed() ? 1 : ti.align();
            if (m.align().isPresent()) a = Math.max(a, m.align().getAsLong());
            if (target.recordAbi() == RecordAbi.MSVC) {
                // Microsoft's rule: the alignment a record type *requires* (an aligned attribute on
                // it or anywhere inside it) survives the packing of the record that contains it
                long req = requiredAlign(m.type());
                a = Math.max(a, req);
                required = Math.max(required, Math.max(req, m.align().orElse(1)));
            }
            long offset = union ? 0 : alignUp(end, a);
            Optional<RecordLayout> nested = elementType(m.type()) instanceof CType.RecordType rt
                    ? Optional.of(record(rt.decl())) : Optional.empty();
            fields.add(new FieldLayout(m, offset, ti.size(), a, nested));
            end = union ? Math.max(end, ti.size()) : checked(offset + ti.size(), m.pos(), what);
            // a flexible array member: sizeof stops at its (aligned) offset, which is `end` here
            align = Math.max(align, a);
        }
        if (decl.align().isPresent()) align = Math.max(align, decl.align().getAsLong());
        long size = checked(alignUp(end, align), decl.pos(), decl.cName());
        int cap = target.scalarRecordAlignCap();
        if (cap > 0 && size == 8 && align > cap && !raisesAlignment(decl, fields) && scalarMode(fields)) {
            // GCC i386: a record with an 8-byte scalar machine mode (DImode/DFmode) is aligned like
            // a long long in a struct (x86_field_alignment), whatever the _Atomic inside it asks
            // for; its size stays
            align = cap;
        }
        var padTo = decl.traits().padTo().entryFor(target);
        if (padTo.isPresent()) {
            long want = padTo.get().value();
            // members larger than @pad_to: the struct keeps its natural size and the violation is
            // reported by Invariants (a failed check, not unreadable input)
            if (want < size) want = size;
            if (want % align != 0) {
                throw new Problem(padTo.get().pos(), "@pad_to(" + want + ") is not a multiple of the alignment of "
                        + decl.cName() + " (" + align + ")");
            }
            size = want;
        }
        if (target.recordAbi() == RecordAbi.MSVC) requiredAligns.put(decl, required);
        RecordLayout layout = new RecordLayout(decl, target, size, align, fields, gaps(fields, size, union));
        done.put(decl, layout);
        return layout;
    }

    /** The innermost element of a type, typedefs, qualifiers and arrays looked through. */
    private static CType elementType(CType type) {
        CType t = type.unwrap();
        while (t instanceof CType.ArrayType a) t = a.element().unwrap();
        return t;
    }

    /**
     * GCC's TYPE_USER_ALIGN, as far as it stops the i386 cap: an {@code @align} on the record, one
     * on a member that raises it above its type's alignment (a non-raising one is ignored), or a
     * member whose record type (through typedefs and arrays) is itself user-aligned.
     */
    private boolean raisesAlignment(RecordDecl decl, List<FieldLayout> fields) throws Problem {
        if (decl.align().isPresent()) return true;
        for (FieldLayout f : fields) {
            Member m = f.member();
            if (m.align().isPresent()
                    && m.align().getAsLong() > info(m.type(), Qualifiers.NONE, m.pos(), m.name()).align()) {
                return true;
            }
            if (elementType(m.type()) instanceof CType.RecordType rt && raisesAlignment(rt.decl(), record(rt.decl()).fields())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether GCC gives a record of these members a scalar machine mode: no member of a type
     * that is BLKmode (an array or record whose size is not 1, 2, 4 or 8 bytes, or that holds
     * such a member; a flexible array member).
     */
    private boolean scalarMode(List<FieldLayout> fields) throws Problem {
        for (FieldLayout f : fields) if (!scalarMode(f.member().type(), f.size())) return false;
        return true;
    }

    private boolean scalarMode(CType type, long size) throws Problem {
        CType t = type.unwrap();
        if (t instanceof CType.ArrayType a) {
            if (a.isFlexible()) return false;
            CType el = a.element().unwrap();
            long elSize = size / Math.max(1, a.length().getAsLong());
            return (a.length().getAsLong() == 1 ? scalarMode(el, elSize) : isModeSize(size) && scalarMode(el, elSize));
        }
        if (t instanceof CType.RecordType r) {
            RecordLayout l = record(r.decl());
            return isModeSize(l.size()) && scalarMode(l.fields());
        }
        return true; // scalars, enums, pointers
    }

    private static boolean isModeSize(long size) {
        return size == 1 || size == 2 || size == 4 || size == 8;
    }

    /** MSVC: per record, the largest alignment an aligned attribute on it or inside it asks for. */
    private final Map<RecordDecl, Long> requiredAligns = new IdentityHashMap<>();

    /**
     * The alignment a member of this type keeps inside a packed MSVC record: for a record type
     * (through typedefs and arrays), its whole alignment if it carries {@code @align} itself, else
     * what its members require; 1 for everything else. (clang's MicrosoftRecordLayoutBuilder
     * calls it RequiredAlignment.)
     */
    private long requiredAlign(CType t) throws Problem {
        if (!(elementType(t) instanceof CType.RecordType rt)) return 1;
        RecordLayout l = record(rt.decl());
        long req = requiredAligns.get(rt.decl());
        return rt.decl().align().isPresent() ? Math.max(req, l.align()) : req;
    }

    private static List<Gap> gaps(List<FieldLayout> fields, long size, boolean union) {
        List<Gap> gaps = new ArrayList<>();
        long end = 0;
        int last = -1;
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            if (!union && f.offset() > end) gaps.add(new Gap(end, f.offset() - end, last, false));
            end = union ? Math.max(end, f.end()) : f.end();
            last = i;
        }
        if (size > end) gaps.add(new Gap(end, size - end, last, true));
        return gaps;
    }

    /** Size and in-struct alignment of an object of {@code type}, with {@code q} added to its own qualifiers. */
    private TypeInfo info(CType type, Qualifiers q, SourcePos pos, String what) throws Problem {
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
                    throw new Problem(pos, what + " is larger than the largest object");
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

    private long checked(long size, SourcePos pos, String what) throws Problem {
        if (size < 0 || size > maxObject()) throw new Problem(pos, what + " is larger than the largest object");
        return size;
    }

    static long alignUp(long value, long align) {
        return (value + align - 1) & -align;
    }

    /** Internal control flow: a spec that cannot be laid out on the target; becomes a diagnostic. */
    private static final class Problem extends Exception {
        final SourcePos pos;

        Problem(SourcePos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }
}
