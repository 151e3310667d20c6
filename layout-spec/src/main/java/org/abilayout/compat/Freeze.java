package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code abilayout freeze} writes: the released layouts already in the lock, kept exactly as
 * they were (freezing never rewrites history), plus every version of the spec the lock does not
 * have yet. The caller checks compatibility first and refuses to freeze a breaking spec.
 */
public final class Freeze {
    private Freeze() {}

    public static Facts.Spec merge(Optional<Facts.Spec> lock, Facts.Spec spec) {
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
