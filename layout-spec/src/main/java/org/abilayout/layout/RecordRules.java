package org.abilayout.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;

/**
 * How one family of compilers lays out a struct or union: the record ABI of a target
 * ({@link org.abilayout.arch.RecordAbi}). This class holds what the families share, by the C
 * rules: each member at the next offset that is a multiple of its alignment, a union's members
 * at 0, the record's alignment the largest of its members' (and {@code @align}), its size rounded
 * up to it, {@code @pad_to} applied last. The families differ where their hooks say:
 * {@link SysvRecordRules} (GCC and clang on every Unix-like target) and {@link MsvcRecordRules}
 * (Microsoft's). Bitfields, whose allocation differs most between them, belong in these
 * subclasses.
 *
 * <p>One instance serves one engine, so one target; it may keep per-record state (MSVC's
 * required alignments).
 */
abstract sealed class RecordRules permits SysvRecordRules, MsvcRecordRules {
    final LayoutEngine engine;
    final Target target;

    RecordRules(LayoutEngine engine) {
        this.engine = engine;
        this.target = engine.target();
    }

    static RecordRules of(LayoutEngine engine) {
        return switch (engine.target().recordAbi()) {
            case SYSV -> new SysvRecordRules(engine);
            case MSVC -> new MsvcRecordRules(engine);
        };
    }

    /**
     * Everything the engine and the record rules read from a target. Two targets with equal
     * environments lay out every record alike (the spec's own per-target choices aside, see
     * {@link TargetChoices}), so the engine lays them out once. A rule that reads another property
     * of the target must add it here; the differential suite, which checks all 32 targets against
     * their compilers, catches a property missed.
     */
    static List<Object> environment(Target t) {
        // byte order places no whole member, but it numbers the bits of bitfields
        return List.of(t.types(), t.recordAbi(), t.maxAtomicPromote(), t.scalarRecordAlignCap(), t.endian());
    }

    /** The layout of {@code decl} on the target; nested records come from {@link LayoutEngine#record}. */
    final RecordLayout layout(RecordDecl decl) throws LayoutProblem {
        boolean union = decl.kind() == RecordDecl.Kind.UNION;
        List<FieldLayout> fields = new ArrayList<>(decl.members().size());
        long end = 0;
        long align = 1;
        for (Member m : decl.members()) {
            if (!m.traits().presentOn(target)) continue; // @if(...) says it does not exist here
            String what = "member '" + (m.isAnonymous() ? "(anonymous)" : m.name()) + "'";
            TypeInfo ti = engine.info(m.type(), m.pos(), what);
            long a = memberAlign(decl, m, ti);
            long offset = union ? 0 : LayoutEngine.alignUp(end, a);
            Optional<RecordLayout> nested = LayoutEngine.elementType(m.type()) instanceof CType.RecordType rt
                    ? Optional.of(engine.record(rt.decl())) : Optional.empty();
            fields.add(new FieldLayout(m, offset, ti.size(), a, nested));
            end = union ? Math.max(end, ti.size()) : engine.checked(offset + ti.size(), m.pos(), what);
            // a flexible array member: sizeof stops at its (aligned) offset, which is `end` here
            align = Math.max(align, a);
        }
        if (decl.align().isPresent()) align = Math.max(align, decl.align().getAsLong());
        long size = engine.checked(LayoutEngine.alignUp(end, align), decl.pos(), decl.cName());
        align = recordAlign(decl, fields, size, align);
        var padTo = decl.traits().padTo().entryFor(target);
        if (padTo.isPresent()) {
            long want = padTo.get().value();
            // members larger than @pad_to: the struct keeps its natural size and the violation is
            // reported by Invariants (a failed check, not unreadable input)
            if (want < size) want = size;
            if (want % align != 0) {
                throw new LayoutProblem(padTo.get().pos(), "@pad_to(" + want + ") is not a multiple of the alignment of "
                        + decl.cName() + " (" + align + ")");
            }
            size = want;
        }
        return new RecordLayout(decl, target, size, align, fields, gaps(fields, size, union));
    }

    /**
     * The alignment member {@code m} of {@code decl} gets: its type's, 1 in a packed record,
     * raised by its {@code @align}.
     */
    long memberAlign(RecordDecl decl, Member m, TypeInfo type) throws LayoutProblem {
        long a = decl.packed() ? 1 : type.align();
        if (m.align().isPresent()) a = Math.max(a, m.align().getAsLong());
        return a;
    }

    /** The record's final alignment, once its members are placed and its size is known. */
    long recordAlign(RecordDecl decl, List<FieldLayout> fields, long size, long align) throws LayoutProblem {
        return align;
    }

    /** Holes between members and tail padding, in offset order. */
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
}
