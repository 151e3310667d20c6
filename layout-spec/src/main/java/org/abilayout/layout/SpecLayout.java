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

    public Optional<RecordLayout> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
