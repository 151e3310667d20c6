package org.abilayout.layout;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * The layouts of one spec on a list of targets: computed once by {@link LayoutEngine#layoutAll}
 * and handed, unchanged, to every emitter and to the compatibility checker, so no stage lays out
 * anything again. It includes the layouts of everything the records contain: nested records by
 * value and the element records of arrays ({@link FieldLayout#nested()}).
 */
public final class Layouts {
    private final Spec spec;
    private final List<SpecLayout> perTarget;
    private final List<RecordDecl> records;
    /** Each named record's index in spec order, for {@link #of}: a spec may have 100,000 records. */
    private final Map<RecordDecl, Integer> index = new IdentityHashMap<>();

    /**
     * @param spec the spec laid out
     * @param perTarget one layout of the whole spec per target, in the order the targets were given
     */
    public Layouts(Spec spec, List<SpecLayout> perTarget) {
        this.spec = spec;
        this.perTarget = List.copyOf(perTarget);
        if (perTarget.isEmpty()) throw new IllegalArgumentException("layouts need at least one target");
        for (SpecLayout l : perTarget) {
            if (l.spec() != spec) throw new IllegalArgumentException("layouts of different specs in one value");
        }
        this.records = spec.records();
        for (int i = 0; i < records.size(); i++) index.put(records.get(i), i);
    }

    public Spec spec() {
        return spec;
    }

    /** One layout of the whole spec per target, in the order the targets were given. */
    public List<SpecLayout> perTarget() {
        return perTarget;
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
        Integer i = index.get(record);
        if (i == null) throw new IllegalArgumentException(record.cName() + " is not a named record of the spec");
        return recordOnEachTarget(i);
    }
}
