package org.abilayout.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.traits.PerTarget;

/**
 * Everything in a spec that names targets: each member's {@code @if} predicate and each
 * record's {@code @pad_to} (the engine reads those). Two targets for which every one of these
 * choices comes out the same, and whose layout environments ({@link RecordRules#environment})
 * are equal, get identical layouts of the spec, so {@link LayoutEngine#layoutAll} lays them out
 * once.
 */
final class TargetChoices {
    private final List<Predicate> conditions = new ArrayList<>();
    private final List<PerTarget> padTos = new ArrayList<>();

    private TargetChoices() {}

    static TargetChoices of(Spec spec) {
        TargetChoices c = new TargetChoices();
        Set<RecordDecl> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<RecordDecl> todo = new ArrayDeque<>(spec.records());
        while (!todo.isEmpty()) {
            RecordDecl r = todo.pop();
            if (!seen.add(r)) continue;
            if (!r.traits().padTo().isEmpty()) c.padTos.add(r.traits().padTo());
            for (Member m : r.members()) {
                m.traits().condition().ifPresent(c.conditions::add);
                if (LayoutEngine.elementType(m.type()) instanceof CType.RecordType rt && rt.ref().isAnonymous()) {
                    todo.push(rt.decl());
                }
            }
        }
        return c;
    }

    /** The choices on {@code target}, as a value two targets can be compared by. */
    List<Object> on(Target target) {
        List<Object> out = new ArrayList<>(conditions.size() + padTos.size());
        for (Predicate p : conditions) out.add(p.test(target));
        for (PerTarget p : padTos) out.add(p.valueFor(target));
        return out;
    }
}
