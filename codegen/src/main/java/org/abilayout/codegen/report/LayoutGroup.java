package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Target;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.RecordLayout;

/**
 * Targets on which one record has exactly the same layout: the same size and alignment and every
 * member ({@link RecordLayout#flatFields()}) at the same offset with the same size and alignment.
 * Most of 32 targets share a handful of layouts; a report that shows each layout once, with the
 * targets that have it, shows what a maintainer needs: which targets differ, and where.
 *
 * @param label {@code A}, {@code B}, ... in order of first appearance
 * @param targets the targets with this layout, in the order they were given
 * @param layout the layout (that of the first of {@code targets})
 */
public record LayoutGroup(String label, List<Target> targets, RecordLayout layout) {

    public LayoutGroup {
        targets = List.copyOf(targets);
    }

    /** Groups the layouts of one record on several targets, keeping first-appearance order. */
    public static List<LayoutGroup> group(List<RecordLayout> layouts) {
        Map<Shape, List<RecordLayout>> byShape = new LinkedHashMap<>();
        for (RecordLayout l : layouts) byShape.computeIfAbsent(Shape.of(l), k -> new ArrayList<>()).add(l);
        List<LayoutGroup> groups = new ArrayList<>(byShape.size());
        for (List<RecordLayout> same : byShape.values()) {
            groups.add(new LayoutGroup(label(groups.size()), same.stream().map(RecordLayout::target).toList(),
                    same.getFirst()));
        }
        return groups;
    }

    /**
     * What the group's targets have in common, as {@link TargetSets} names it when it can
     * ({@code all ilp32 targets (11)}, {@code all targets with 64-bit pointers (20)}), else by
     * count and data models ({@code 9 targets (7 lp64, 2 llp64)}, {@code 1 target (ilp32)}).
     *
     * @param universe the names of every target compared, in order
     */
    public String summary(List<String> universe) {
        Set<String> names = targets.stream().map(Target::name).collect(Collectors.toSet());
        String name = TargetSets.name(names, universe);
        if (name != null) return name + " (" + targets.size() + ")";
        Map<DataModel, Long> models = targets.stream()
                .collect(Collectors.groupingBy(Target::dataModel, LinkedHashMap::new, Collectors.counting()));
        String modelText = models.size() == 1
                ? models.keySet().iterator().next().predicateName()
                : models.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().predicateName())
                        .collect(Collectors.joining(", "));
        return targets.size() + (targets.size() == 1 ? " target (" : " targets (") + modelText + ")";
    }

    /** A, B, ..., Z, AA, AB, ...: spreadsheet column names. */
    static String label(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) sb.insert(0, (char) ('A' + i % 26));
        return sb.toString();
    }

    private record FieldShape(String name, long offset, long size, long align) {}

    private record Shape(long size, long align, List<FieldShape> fields) {
        static Shape of(RecordLayout l) {
            List<FieldShape> fields = new ArrayList<>();
            for (FlatField f : l.flatFields()) fields.add(new FieldShape(f.name(), f.offset(), f.size(), f.align()));
            return new Shape(l.size(), l.align(), List.copyOf(fields));
        }
    }
}
