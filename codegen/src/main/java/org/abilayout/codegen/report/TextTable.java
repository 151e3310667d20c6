package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.List;

/** Columns of text padded to their widest cell; trailing blanks trimmed; lines end in {@code \n}. */
final class TextTable {
    enum Align { LEFT, RIGHT }

    private final List<Align> aligns;
    private final String separator;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String separator, Align... aligns) {
        this.separator = separator;
        this.aligns = List.of(aligns);
    }

    TextTable row(List<String> cells) {
        if (cells.size() != aligns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + aligns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    TextTable row(String... cells) {
        return row(List.of(cells));
    }

    /** The rows, each line starting with {@code indent}. */
    String render(String indent) {
        int[] widths = new int[aligns.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], r.get(i).length());
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < widths.length; i++) {
                if (i > 0) line.append(separator);
                line.append(pad(r.get(i), widths[i], aligns.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String pad(String s, int width, Align align) {
        if (s.length() >= width) return s;
        String fill = " ".repeat(width - s.length());
        return align == Align.LEFT ? s + fill : fill + s;
    }
}
