package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.layout.FlatField;

/**
 * The side-by-side view of one record across layout groups: a legend saying which targets are in
 * which group, then one row per member with its offset and size in each group. Rows whose offset
 * differs between groups are marked {@code *}, rows with equal offsets but a different size
 * {@code ~}; a member absent from a group (by {@code @if}) shows {@code -} and is marked {@code *}
 * too, since code that touches it must know where it is not.
 * Groups that do not fit in {@value #WIDTH} columns continue in a second table.
 */
final class TargetComparison {
    static final int WIDTH = 120;
    private static final String SEP = "  ";

    private TargetComparison() {}

    /** One member's position in one group; a negative size is not shown ({@code sizeof} row). */
    private record Cell(long offset, long size) {
        String render(int offWidth, int sizeWidth) {
            return TextTable.pad(Long.toString(offset), offWidth, TextTable.Align.RIGHT) + " "
                    + TextTable.pad(size < 0 ? "" : Long.toString(size), sizeWidth, TextTable.Align.RIGHT);
        }
    }

    private record Row(String name, List<Optional<Cell>> cells) {
        boolean isMember() {
            return !name.startsWith("(");
        }

        boolean absentSomewhere() {
            return cells.stream().anyMatch(Optional::isEmpty);
        }

        boolean moves() {
            return cells.stream().flatMap(Optional::stream).map(Cell::offset).distinct().count() > 1;
        }

        char mark() {
            if (absentSomewhere() || moves()) return '*';
            if (cells.stream().flatMap(Optional::stream).map(Cell::size).distinct().count() > 1) return '~';
            return ' ';
        }
    }

    /** The members whose offset differs between the groups that have them, in row order. */
    static List<String> moved(List<LayoutGroup> groups) {
        return rows(groups).stream().filter(r -> r.isMember() && r.moves()).map(Row::name).toList();
    }

    /** The members some groups do not have (by {@code @if}), in row order. */
    static List<String> absentSomewhere(List<LayoutGroup> groups) {
        return rows(groups).stream().filter(r -> r.isMember() && r.absentSomewhere()).map(Row::name).toList();
    }

    static String render(List<LayoutGroup> groups) {
        StringBuilder sb = new StringBuilder();
        List<String> universe = groups.stream().flatMap(g -> g.targets().stream()).map(Target::name).toList();
        for (LayoutGroup g : groups) legend(sb, g, universe);
        sb.append('\n');
        List<Row> rows = rows(groups);
        int nameWidth = "member".length();
        int offWidth = "offset".length();
        int sizeWidth = "size".length();
        for (Row r : rows) {
            nameWidth = Math.max(nameWidth, r.name().length());
            for (Optional<Cell> c : r.cells()) {
                if (c.isEmpty()) continue;
                offWidth = Math.max(offWidth, Long.toString(c.get().offset()).length());
                sizeWidth = Math.max(sizeWidth, Long.toString(c.get().size()).length());
            }
        }
        final int offW = offWidth;
        final int sizeW = sizeWidth;
        int cellWidth = offWidth + 1 + sizeWidth;
        int perTable = Math.max(1, (WIDTH - 4 - nameWidth) / (cellWidth + SEP.length()));
        for (int from = 0; from < groups.size(); from += perTable) {
            int to = Math.min(groups.size(), from + perTable);
            if (from > 0) sb.append('\n');
            List<String> header = new ArrayList<>(List.of("", ""));
            List<String> sub = new ArrayList<>(List.of("", "member"));
            TextTable.Align[] aligns = new TextTable.Align[2 + to - from];
            aligns[0] = TextTable.Align.LEFT;
            aligns[1] = TextTable.Align.LEFT;
            for (int g = from; g < to; g++) {
                header.add(TextTable.pad(groups.get(g).label(), cellWidth, TextTable.Align.LEFT));
                sub.add(TextTable.pad("offset", offWidth, TextTable.Align.RIGHT) + " "
                        + TextTable.pad("size", sizeWidth, TextTable.Align.RIGHT));
                aligns[2 + g - from] = TextTable.Align.RIGHT;
            }
            TextTable table = new TextTable(SEP, aligns).row(header).row(sub);
            for (Row r : rows) {
                List<String> cells = new ArrayList<>(List.of(String.valueOf(r.mark()), r.name()));
                for (int g = from; g < to; g++) {
                    Optional<Cell> c = r.cells().get(g);
                    cells.add(c.map(x -> x.render(offW, sizeW)).orElse(TextTable.pad("-", offWidth, TextTable.Align.RIGHT)
                                    + " ".repeat(sizeWidth + 1)));
                }
                table.row(cells);
            }
            sb.append(table.render(""));
        }
        sb.append("\n(* offset differs between layouts, ~ size differs, - absent)\n");
        return sb.toString();
    }

    /** {@code A  19 targets (lp64): x86_64-linux-gnu aarch64-linux-gnu ...}, wrapped. */
    private static void legend(StringBuilder sb, LayoutGroup g, List<String> universe) {
        String head = g.label() + "  " + g.summary(universe) + ":";
        String indent = " ".repeat(g.label().length() + 2);
        StringBuilder line = new StringBuilder(head);
        for (Target t : g.targets()) {
            if (line.length() + 1 + t.name().length() > WIDTH) {
                sb.append(line).append('\n');
                line = new StringBuilder(indent).append(t.name());
            } else {
                line.append(' ').append(t.name());
            }
        }
        sb.append(line).append('\n');
    }

    /**
     * One row per member name, in declaration order (a member only some groups have comes right
     * after the member it follows there), then {@code (sizeof)} and {@code (alignof)}.
     */
    private static List<Row> rows(List<LayoutGroup> groups) {
        List<String> names = new ArrayList<>();
        List<Map<String, Cell>> cellsByGroup = new ArrayList<>();
        for (LayoutGroup g : groups) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            int insertAt = 0;
            for (FlatField f : g.layout().flatFields()) {
                cells.put(f.name(), new Cell(f.offset(), f.size()));
                int known = names.indexOf(f.name());
                if (known >= 0) {
                    insertAt = known + 1;
                } else {
                    names.add(insertAt++, f.name());
                }
            }
            cellsByGroup.add(cells);
        }
        List<Row> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(new Row(n, cellsByGroup.stream().map(m -> Optional.ofNullable(m.get(n))).toList()));
        }
        rows.add(new Row("(sizeof)", groups.stream().map(g -> Optional.of(new Cell(g.layout().size(), -1))).toList()));
        rows.add(new Row("(alignof)", groups.stream().map(g -> Optional.of(new Cell(g.layout().align(), -1))).toList()));
        return rows;
    }
}
