package org.abilayout.abitests.abidiff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abilayout.abitests.abidiff.AbidiffComparisonTest.Cell;
import org.abilayout.abitests.abidiff.AbidiffComparisonTest.Compiled;
import org.abilayout.abitests.abidiff.AbidiffComparisonTest.Ours;
import org.abilayout.abitests.abidiff.AbidiffComparisonTest.Theirs;

/** The comparison as markdown: the table for the docs, and abidiff's reports in full. */
final class Report {
    private Report() {}

    /** The lines of an abidiff report that say what changed (not where). */
    private static final Pattern GIST = Pattern.compile("(\\d+ Removed function"
            + "|\\d+ data member (insertion|deletion|change)s?"
            + "|type size changed from \\d+ to \\d+"
            + "|entity changed from '[^']*' to '[^']*'"
            + "|type name changed from '[^']*' to '[^']*'"
            + "|offset changed from \\d+ to \\d+"
            + "|'[^']*' offset changed from \\d+ to \\d+"
            + "|data member [^ ]+ at offset \\d+ \\(in bits\\) became [^,]*"
            + "|name of '[^']*' changed to '[^']*'"
            + "|underlying type '[^']*' changed"
            + "|alignment changed.*)");

    static String gist(List<String> report) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : report) {
            Matcher m = GIST.matcher(line);
            while (m.find()) out.add(m.group(1));
        }
        return out.isEmpty() ? "" : String.join("; ", out);
    }

    static String markdown(List<Compiled> compiled, Map<String, Map<String, Cell>> table, List<String> targets) {
        StringBuilder sb = new StringBuilder();
        sb.append("Each cell: abilayout's verdict on the target / abidiff's. abilayout: `breaking`, `compatible`"
                + " (only compatible changes or notes), `-` (nothing). abidiff: `INCOMPATIBLE` (exit bit 8),"
                + " `change` (exit bit 4 only), `-` (exit 0). A cell in bold is one where abilayout calls the"
                + " change breaking and abidiff does not call it incompatible.\n\n");
        int both = 0, more = 0, agreeCompatible = 0, silentBoth = 0, missed = 0, theirsOnly = 0, ourNoteTheirChange = 0;
        for (Map<String, Cell> row : table.values()) {
            for (Cell cell : row.values()) {
                if (cell.ours() == Ours.BREAKING) {
                    if (cell.theirs() == Theirs.INCOMPATIBLE) both++;
                    else more++;
                } else if (cell.theirs() == Theirs.INCOMPATIBLE) {
                    missed++;
                } else if (cell.ours() == Ours.NOTHING && cell.theirs() == Theirs.NONE) {
                    silentBoth++;
                } else if (cell.ours() == Ours.NOTHING) {
                    theirsOnly++;
                } else if (cell.theirs() == Theirs.CHANGE) {
                    ourNoteTheirChange++;
                } else {
                    agreeCompatible++;
                }
            }
        }
        sb.append("Of ").append(table.size() * targets.size()).append(" comparisons (").append(table.size())
                .append(" pairs on ").append(targets.size()).append(" targets): ")
                .append(both).append(" breaking for abilayout and incompatible for abidiff; ")
                .append(more).append(" breaking for abilayout and not incompatible for abidiff (abilayout sees more); ")
                .append(ourNoteTheirChange).append(" compatible or a note for abilayout and an ABI change for abidiff; ")
                .append(agreeCompatible).append(" compatible or a note for abilayout and nothing for abidiff; ")
                .append(silentBoth).append(" where neither reports anything; ")
                .append(theirsOnly).append(" where abidiff reports a change and abilayout nothing; ")
                .append(missed).append(" where abidiff reports an incompatible change and abilayout no break.\n\n");
        sb.append("| pair | abilayout reports |");
        for (String t : targets) sb.append(' ').append(t).append(" |");
        sb.append(" abidiff's report on ").append(targets.getFirst()).append(" |\n|---|---|");
        for (int i = 0; i < targets.size(); i++) sb.append("---|");
        sb.append("---|\n");
        for (Compiled c : compiled) {
            Map<String, Cell> row = table.get(c.pair().name());
            sb.append("| `").append(c.pair().name()).append("`");
            if (!c.note().isEmpty()) sb.append(" (").append(c.note()).append(")");
            sb.append(" | ").append(kinds(row, targets)).append(" |");
            for (String t : targets) sb.append(' ').append(label(row.get(t))).append(" |");
            String gist = gist(row.get(targets.getFirst()).report());
            sb.append(' ').append(gist.isEmpty() ? "-" : gist.replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** The kinds of the row, each with the targets (of the compared ones) it applies to when not all. */
    private static String kinds(Map<String, Cell> row, List<String> targets) {
        Set<String> all = new TreeSet<>();
        row.values().forEach(c -> all.addAll(c.kinds()));
        List<String> out = new ArrayList<>();
        for (String k : all) {
            List<String> where = targets.stream().filter(t -> row.get(t).kinds().contains(k)).toList();
            out.add(where.size() == targets.size() ? k : k + " [" + String.join(", ", shortNames(where)) + "]");
        }
        return out.isEmpty() ? "-" : String.join("<br>", out);
    }

    private static List<String> shortNames(List<String> targets) {
        return targets.stream().map(t -> t.substring(0, t.indexOf('-'))).toList();
    }

    static String label(Cell cell) {
        String ours = switch (cell.ours()) {
            case BREAKING -> "breaking";
            case COMPATIBLE -> "compatible";
            case NOTHING -> "-";
        };
        String theirs = switch (cell.theirs()) {
            case INCOMPATIBLE -> "INCOMPATIBLE";
            case CHANGE -> "change";
            case NONE -> "-";
        };
        String s = ours + " / " + theirs;
        return cell.ours() == Ours.BREAKING && cell.theirs() != Theirs.INCOMPATIBLE ? "**" + s + "**" : s;
    }

    static String details(List<Compiled> compiled, Map<String, Map<String, Cell>> table) {
        StringBuilder sb = new StringBuilder("# abidiff reports\n");
        for (Compiled c : compiled) {
            sb.append("\n## ").append(c.pair().name()).append("\n\n");
            if (!c.note().isEmpty()) sb.append(c.note()).append("\n\n");
            table.get(c.pair().name()).forEach((t, cell) -> {
                sb.append("### ").append(t).append(": abilayout ").append(cell.ours()).append(' ').append(cell.kinds())
                        .append(", abidiff exit ").append(cell.exit()).append("\n\n```\n");
                cell.report().forEach(l -> sb.append(l).append('\n'));
                sb.append("```\n\n");
            });
        }
        return sb.toString();
    }
}
