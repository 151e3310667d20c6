package org.abilayout.spec.traits;

import java.util.List;
import java.util.OptionalLong;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Target;
import org.abilayout.spec.source.SourcePos;

/**
 * A number given for all targets ({@code @size(32)}) or per data model and target
 * ({@code @size(lp64: 40, ilp32: 24, x86_64-linux-gnux32: 32, default: 48)}). The most specific
 * entry wins: a target name, then its data model, then {@code default} or the plain value.
 */
public record PerTarget(List<Entry> entries) {
    public static final PerTarget NONE = new PerTarget(List.of());

    /** One {@code key: value}; {@code key} is empty for the plain form and {@code default}. */
    public record Entry(Key key, long value, SourcePos pos) {}

    public sealed interface Key {
        record Any() implements Key {}

        record Model(DataModel model) implements Key {}

        record Named(String target) implements Key {}
    }

    public PerTarget {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public OptionalLong valueFor(Target target) {
        return entryFor(target).map(e -> OptionalLong.of(e.value())).orElse(OptionalLong.empty());
    }

    public java.util.Optional<Entry> entryFor(Target target) {
        Entry byModel = null;
        Entry any = null;
        for (Entry e : entries) {
            switch (e.key()) {
                case Key.Named n when n.target().equals(target.name()) -> {
                    return java.util.Optional.of(e);
                }
                case Key.Model m when m.model() == target.dataModel() -> byModel = e;
                case Key.Any a -> any = e;
                default -> { }
            }
        }
        return java.util.Optional.ofNullable(byModel != null ? byModel : any);
    }
}
