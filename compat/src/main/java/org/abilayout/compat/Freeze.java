package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.source.SpecException;

/**
 * {@code freeze}, the one function the command line and the Maven plugin both call: it checks
 * the spec against the lock and refuses a breaking spec; otherwise the new lock holds the
 * released layouts already in the lock, kept exactly as they were (freezing never rewrites
 * history), plus every version of the spec the lock does not have yet, on the targets laid out.
 * Targets the lock has and this run does not lay out are kept as they are.
 */
public final class Freeze {
    private Freeze() {}

    /**
     * The verdict, and the new lock unless the spec breaks the old one.
     *
     * @param lock empty when the spec was never frozen
     */
    public record Result(Verdict verdict, Optional<Facts.Spec> lock) {
        public boolean refused() {
            return lock.isEmpty();
        }
    }

    public static Result freeze(Layouts layouts, Optional<Facts.Spec> released) throws SpecException {
        Facts.Spec current = FactsBuilder.of(layouts);
        Verdict verdict = Compatibility.check(layouts, current, released);
        if (verdict.isBreaking()) return new Result(verdict, Optional.empty());
        return new Result(verdict, Optional.of(merge(released, current)));
    }

    static Facts.Spec merge(Optional<Facts.Spec> lock, Facts.Spec spec) {
        if (lock.isEmpty()) return spec;
        List<Facts.Type> types = new ArrayList<>();
        for (Facts.Type t : spec.types()) {
            Optional<Facts.Type> locked = lock.get().type(t.name());
            if (locked.isEmpty()) {
                types.add(t);
                continue;
            }
            SortedMap<Integer, SortedMap<String, Facts.Layout>> versions = new TreeMap<>(locked.get().versions());
            for (var v : t.versions().entrySet()) {
                if (v.getKey() > locked.get().version()) {
                    versions.put(v.getKey(), v.getValue());
                } else {
                    // a released version: keep its layouts, and add targets the lock did not know yet
                    SortedMap<String, Facts.Layout> byTarget = new TreeMap<>(v.getValue());
                    byTarget.putAll(locked.get().versions().getOrDefault(v.getKey(), new TreeMap<>()));
                    versions.put(v.getKey(), byTarget);
                }
            }
            types.add(new Facts.Type(t.name(), t.kind(), Math.max(t.version(), locked.get().version()), t.extensible(), versions));
        }
        return new Facts.Spec(spec.packageName(), types, spec.enums(), spec.consts());
    }
}
