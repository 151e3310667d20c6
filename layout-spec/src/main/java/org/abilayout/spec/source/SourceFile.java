package org.abilayout.spec.source;

import java.util.Arrays;

/**
 * The text of one spec file and the name it is reported under. Positions into it are
 * {@link SourcePos} values; this class turns them back into lines for diagnostics.
 *
 * @param name the file name as the user gave it (used verbatim in {@code FILE:LINE:COL})
 * @param text the decoded text
 */
public record SourceFile(String name, String text) {

    /** Line {@code line} (1-based) without its line terminator; empty if out of range. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) return "";
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }

    /** The position of character offset {@code offset}. */
    public SourcePos pos(int offset) {
        int[] starts = lineStarts();
        int idx = Arrays.binarySearch(starts, offset);
        int lineIdx = idx >= 0 ? idx : -idx - 2;
        return new SourcePos(name, lineIdx + 1, offset - starts[lineIdx] + 1, offset);
    }

    private int[] lineStarts() {
        // computed on demand: diagnostics are rare, and records cannot cache lazily
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        return starts;
    }
}
