package org.abilayout.layout;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.Spec;

/** The layouts of every named struct and union of a spec on one target, in spec order. */
public record SpecLayout(Spec spec, Target target, List<RecordLayout> records) {
    public SpecLayout {
        records = List.copyOf(records);
    }

    /**
     * The same layouts as those of {@code other}, a target with the same layout environment:
     * the records name {@code other}, their members and nested layouts are shared.
     */
    SpecLayout on(Target other) {
        return new SpecLayout(spec, other, records.stream().map(r -> r.on(other)).toList());
    }

    public Optional<RecordLayout> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
