package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Cpu;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Os;
import org.abilayout.arch.Target;

/**
 * Names a set of targets the way a maintainer thinks of it: "all ilp32 targets (12)", "all
 * targets with 64-bit pointers (20)", "all big-endian targets", or else the list itself.
 */
public final class TargetSets {
    private TargetSets() {}

    /**
     * @param set the targets a change applies to
     * @param universe the targets that were checked, in catalogue order
     * @return e.g. {@code "all ilp32 targets (12): i386-linux-gnu, x86_64-linux-gnux32, arm-linux-gnueabihf, …"}
     */
    public static String describe(Set<String> set, List<String> universe) {
        List<String> ordered = universe.stream().filter(set::contains).toList();
        List<String> extra = set.stream().filter(t -> !universe.contains(t)).sorted().toList();
        List<String> all = new ArrayList<>(ordered);
        all.addAll(extra);
        String name = name(set, universe);
        String list = list(all);
        if (name == null) return all.size() == 1 ? all.getFirst() : all.size() + " targets: " + list;
        return name + " (" + all.size() + ")" + (set.size() == universe.size() ? "" : ": " + list);
    }

    private static String list(List<String> names) {
        if (names.size() <= 6) return String.join(", ", names);
        return String.join(", ", names.subList(0, 5)) + ", … (" + (names.size() - 5) + " more)";
    }

    /** The name of the set when a maintainer has one for it ({@code all ilp32 targets}), else null. */
    static String name(Set<String> set, List<String> universe) {
        if (set.size() == universe.size() && set.containsAll(universe)) return universe.size() == 1 ? null : "all targets";
        if (set.size() < 2) return null;
        for (var e : groups().entrySet()) {
            Set<String> members = new TreeSet<>();
            for (String t : universe) {
                Target target = Catalogue.byName(t).orElse(null);
                if (target != null && e.getValue().test(target)) members.add(t);
            }
            if (members.equals(new TreeSet<>(set))) return "all " + e.getKey();
        }
        return null;
    }

    private static Map<String, Predicate<Target>> groups() {
        Map<String, Predicate<Target>> g = new LinkedHashMap<>();
        for (DataModel m : DataModel.values()) g.put(m.predicateName() + " targets", t -> t.dataModel() == m);
        g.put("targets with 64-bit pointers", t -> t.pointerBytes() == 8);
        g.put("targets with 32-bit pointers", t -> t.pointerBytes() == 4);
        g.put("big-endian targets", t -> t.endian() == Endian.BIG);
        g.put("little-endian targets", t -> t.endian() == Endian.LITTLE);
        for (Os os : sortedByName(Os.values(), Os::specName)) g.put(os.specName() + " targets", t -> t.os() == os);
        for (Cpu cpu : sortedByName(Cpu.values(), Cpu::specName)) g.put(cpu.specName() + " targets", t -> t.cpu() == cpu);
        g.put("big-endian targets with 32-bit pointers", t -> t.endian() == Endian.BIG && t.pointerBytes() == 4);
        g.put("big-endian targets with 64-bit pointers", t -> t.endian() == Endian.BIG && t.pointerBytes() == 8);
        return g;
    }

    private static <T> List<T> sortedByName(T[] values, java.util.function.Function<T, String> name) {
        return java.util.Arrays.stream(values).sorted(java.util.Comparator.comparing(name)).toList();
    }
}
