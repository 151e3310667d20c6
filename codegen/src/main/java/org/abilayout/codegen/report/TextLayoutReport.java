package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.List;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.Layouts;

/**
 * The human view of a spec's layouts. For each struct and union, in spec order:
 *
 * <ul>
 *   <li>on one target, its pahole-style view ({@link PaholeView});
 *   <li>on several targets, first what differs: the targets grouped by identical layout, and a
 *       side-by-side table of every member's offset and size per group with the members that move
 *       marked ({@link TargetComparison}); then the pahole-style view of each group's layout.
 * </ul>
 *
 * Lines stay within 120 columns unless a single type name is longer; output is deterministic.
 */
public final class TextLayoutReport {
    private TextLayoutReport() {}

    /** The report of {@code layouts}, the targets in their order. */
    public static String render(Layouts layouts) {
        StringBuilder sb = new StringBuilder();
        int records = layouts.spec().records().size();
        if (records == 0) {
            return "no structs or unions in " + layouts.spec().packageName() + "\n";
        }
        for (int i = 0; i < records; i++) {
            if (i > 0) sb.append('\n');
            record(sb, layouts.recordOnEachTarget(i));
        }
        return sb.toString();
    }

    private static void record(StringBuilder sb, List<RecordLayout> perTarget) {
        RecordLayout first = perTarget.getFirst();
        String name = first.decl().cName();
        if (perTarget.size() == 1) {
            sb.append(name).append(" on ").append(first.target().name()).append("\n\n");
            sb.append(PaholeView.render(first));
            return;
        }
        List<LayoutGroup> groups = LayoutGroup.group(perTarget);
        if (groups.size() == 1) {
            sb.append(name).append(": one layout on all ").append(perTarget.size()).append(" targets\n\n");
            sb.append(PaholeView.render(first));
            return;
        }
        List<String> universe = perTarget.stream().map(l -> l.target().name()).toList();
        List<String> moved = TargetComparison.moved(groups);
        sb.append(name).append(": ").append(groups.size()).append(" layouts on ").append(perTarget.size())
                .append(" targets");
        sb.append(moved.isEmpty() ? "; every member keeps its offset" : "; offsets differ for " + names(moved));
        List<String> partial = TargetComparison.absentSomewhere(groups);
        if (!partial.isEmpty()) sb.append("; only on some targets: ").append(names(partial));
        sb.append("\n\n");
        sb.append(TargetComparison.render(groups));
        for (LayoutGroup g : groups) {
            sb.append("\n/* layout ").append(g.label()).append(": ").append(g.summary(universe)).append(" */\n");
            sb.append(PaholeView.render(g.layout()));
        }
    }

    /** {@code a, b and 3 more}: a heading names a few and counts the rest. */
    private static String names(List<String> names) {
        int shown = Math.min(names.size(), 6);
        List<String> out = new ArrayList<>(names.subList(0, shown));
        String text = String.join(", ", out);
        return names.size() > shown ? text + " and " + (names.size() - shown) + " more" : text;
    }
}
