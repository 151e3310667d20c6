package org.abilayout.layout;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.arch.TypeInfo;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;

/**
 * Microsoft's record layout (the {@code *-windows-msvc} targets). Without bitfields it differs
 * from the SysV family in one rule: the alignment a record type <em>requires</em> (an aligned
 * attribute on it or anywhere inside it) survives the packing of the record that contains it.
 * clang's MicrosoftRecordLayoutBuilder calls it RequiredAlignment.
 */
final class MsvcRecordRules extends RecordRules {
    /** Per record laid out so far, the largest alignment an aligned attribute on it or inside it asks for. */
    private final Map<RecordDecl, Long> requiredAligns = new IdentityHashMap<>();

    MsvcRecordRules(LayoutEngine engine) {
        super(engine);
    }

    @Override
    long memberAlign(RecordDecl decl, Member m, TypeInfo type) throws LayoutProblem {
        return Math.max(super.memberAlign(decl, m, type), requiredAlign(m.type()));
    }

    @Override
    long recordAlign(RecordDecl decl, List<FieldLayout> fields, long size, long align) throws LayoutProblem {
        long required = decl.align().orElse(1);
        for (FieldLayout f : fields) {
            required = Math.max(required, Math.max(requiredAlign(f.member().type()), f.member().align().orElse(1)));
        }
        requiredAligns.put(decl, required);
        return align;
    }

    /**
     * The alignment a member of this type keeps inside a packed record: for a record type
     * (through typedefs and arrays), its whole alignment if it carries {@code @align} itself,
     * else what its members require; 1 for everything else.
     */
    private long requiredAlign(CType t) throws LayoutProblem {
        if (!(LayoutEngine.elementType(t) instanceof CType.RecordType rt)) return 1;
        RecordLayout l = engine.record(rt.decl());
        long req = requiredAligns.get(rt.decl());
        return rt.decl().align().isPresent() ? Math.max(req, l.align()) : req;
    }
}
