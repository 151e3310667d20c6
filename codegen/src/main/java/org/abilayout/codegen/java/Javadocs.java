package org.abilayout.codegen.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Target;
import org.abilayout.spec.source.SourcePos;

/** The javadoc text of generated code: where a declaration came from and where it sits per target. */
final class Javadocs {
    private Javadocs() {}

    /** {@code umtx.layout:31}. */
    static String origin(String specFileName, SourcePos pos) {
        return pos.line() > 0 ? specFileName + ":" + pos.line() : specFileName;
    }

    /** Escapes text for javadoc: the spec's {@code ///} comments are plain text, not HTML. */
    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "&#64;");
    }

    /**
     * Groups targets by a per-target value, in catalogue order of first appearance:
     * {@code "16 on all lp64 targets; 12 on all ilp32 targets"}.
     */
    static <V> String perTarget(Map<String, V> values, List<Target> targets, java.util.function.Function<V, String> show) {
        Map<String, List<Target>> groups = new LinkedHashMap<>();
        for (Target t : targets) {
            V v = values.get(t.name());
            groups.computeIfAbsent(v == null ? "absent" : show.apply(v), k -> new ArrayList<>()).add(t);
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((value, group) -> parts.add(value + " on " + describe(group, targets)));
        return String.join("; ", parts);
    }

    /** "all targets", "all lp64 targets", "all ilp32 targets and m68k-linux-gnu", or the list. */
    static String describe(List<Target> group, List<Target> all) {
        if (group.size() == all.size()) return all.size() == 1 ? all.getFirst().name() : "all targets";
        List<String> parts = new ArrayList<>();
        Set<Target> rest = new java.util.LinkedHashSet<>(group);
        for (DataModel m : DataModel.values()) {
            List<Target> ofModel = all.stream().filter(t -> t.dataModel() == m).toList();
            if (ofModel.size() > 1 && group.containsAll(ofModel)) {
                parts.add("all " + m.predicateName() + " targets");
                ofModel.forEach(rest::remove);
            }
        }
        rest.forEach(t -> parts.add(t.name()));
        return String.join(", ", parts);
    }
}
