package org.abilayout.layout;

import java.util.List;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;

/**
 * The SysV family's record layout: GCC and clang on every Unix-like target (the Itanium-style
 * rules). Its one variation without bitfields is GCC's on i386: a record with an 8-byte scalar
 * machine mode is aligned like a {@code long long} in a struct (the target's
 * {@code scalarRecordAlignCap}).
 */
final class SysvRecordRules extends RecordRules {
    SysvRecordRules(LayoutEngine engine) {
        super(engine);
    }

    @Override
    long recordAlign(RecordDecl decl, List<FieldLayout> fields, long size, long align) throws LayoutProblem {
        int cap = target.scalarRecordAlignCap();
        if (cap > 0 && size == 8 && align > cap && !raisesAlignment(decl, fields) && scalarMode(fields)) {
            // GCC i386: a record with an 8-byte scalar machine mode (DImode/DFmode) is aligned like
            // a long long in a struct (x86_field_alignment), whatever the _Atomic inside it asks
            // for; its size stays
            return cap;
        }
        return align;
    }

    /**
     * GCC's TYPE_USER_ALIGN, as far as it stops the i386 cap: an {@code @align} on the record, one
     * on a member that raises it above its type's alignment (a non-raising one is ignored), or a
     * member whose record type (through typedefs and arrays) is itself user-aligned.
     */
    private boolean raisesAlignment(RecordDecl decl, List<FieldLayout> fields) throws LayoutProblem {
        if (decl.align().isPresent()) return true;
        for (FieldLayout f : fields) {
            Member m = f.member();
            if (m.align().isPresent() && m.align().getAsLong() > engine.info(m.type(), m.pos(), m.name()).align()) {
                return true;
            }
            if (LayoutEngine.elementType(m.type()) instanceof CType.RecordType rt
                    && raisesAlignment(rt.decl(), engine.record(rt.decl()).fields())) {
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
    private boolean scalarMode(List<FieldLayout> fields) throws LayoutProblem {
        for (FieldLayout f : fields) if (!scalarMode(f.member().type(), f.size())) return false;
        return true;
    }

    private boolean scalarMode(CType type, long size) throws LayoutProblem {
        CType t = type.unwrap();
        if (t instanceof CType.ArrayType a) {
            if (a.isFlexible()) return false;
            CType el = a.element().unwrap();
            long elSize = size / Math.max(1, a.length().getAsLong());
            return (a.length().getAsLong() == 1 ? scalarMode(el, elSize) : isModeSize(size) && scalarMode(el, elSize));
        }
        if (t instanceof CType.RecordType r) {
            RecordLayout l = engine.record(r.decl());
            return isModeSize(l.size()) && scalarMode(l.fields());
        }
        return true; // scalars, enums, pointers
    }

    private static boolean isModeSize(long size) {
        return size == 1 || size == 2 || size == 4 || size == 8;
    }
}
