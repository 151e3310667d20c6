package org.abilayout.layout;

import java.util.List;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * The layouts of one spec on a list of targets: computed once by {@link LayoutEngine#layoutAll}
 * and handed, unchanged, to every emitter and to the compatibility checker, so no stage lays out
 * anything again. It includes the layouts of everything the records contain: nested records by
 * value and the element records of arrays ({@link FieldLayout#nested()}).
 *
 * @param spec the spec laid out
 * @param perTarget one layout of the whole spec per target, in the order the targets were given
 */
public record Layouts(Spec spec, List<SpecLayout> perTarget) {
    public Layouts {
        perTarget = List.copyOf(perTarget);
        if (perTarget.isEmpty()) throw new IllegalArgumentException("layouts need at least one target");
        for (SpecLayout l : perTarget) {
            if (l.spec() != spec) throw new IllegalArgumentException("layouts of different specs in one value");
        }
    }

    /** The targets, in order. */
    public List<Target> targets() {
        return perTarget.stream().map(SpecLayout::target).toList();
    }

    public List<String> targetNames() {
        return perTarget.stream().map(l -> l.target().name()).toList();
    }

    /** The named record {@code index} (in spec order) on each target, in target order. */
    public List<RecordLayout> recordOnEachTarget(int index) {
        return perTarget.stream().map(l -> l.records().get(index)).toList();
    }

    /** The layouts of a named record of the spec on each target, in target order. */
    public List<RecordLayout> of(RecordDecl record) {
        int index = spec.records().indexOf(record);
        if (index < 0) throw new IllegalArgumentException(record.cName() + " is not a named record of the spec");
        return recordOnEachTarget(index);
    }
}
