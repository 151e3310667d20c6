package org.abilayout.spec.source;

import java.util.List;

/** Renders diagnostics the way C compilers do: location, severity, message, line, caret. */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {}

    public static String render(List<Diagnostic> diagnostics, List<SourceFile> sources) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            render(sb, d, sources);
        }
        return sb.toString();
    }

    public static void render(StringBuilder sb, Diagnostic d, List<SourceFile> sources) {
        SourcePos p = d.pos();
        if (p.line() > 0) {
            sb.append(p.file()).append(':').append(p.line()).append(':').append(p.column()).append(": ");
        } else if (!p.equals(SourcePos.NONE)) {
            sb.append(p.file()).append(": ");
        }
        sb.append(d.severity().label()).append(": ").append(d.message()).append('\n');
        if (p.line() <= 0) return;
        SourceFile src = sources.stream().filter(s -> s.name().equals(p.file())).findFirst().orElse(null);
        if (src == null) return;
        String line = src.line(p.line());
        if (line.length() > 200) {
            // keep hostile one-line files readable: show a window around the column
            int from = Math.max(0, Math.min(p.column() - 1 - 80, line.length() - 160));
            int to = Math.min(line.length(), from + 160);
            String window = line.substring(from, to);
            sb.append(printable(window)).append('\n');
            sb.append(caretPad(window, p.column() - 1 - from)).append("^\n");
            return;
        }
        sb.append(printable(line)).append('\n');
        sb.append(caretPad(line, p.column() - 1)).append("^\n");
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '\t' || c >= 0x20 && c != 0x7f ? c : '?');
        }
        return b.toString();
    }

    private static String caretPad(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        for (int i = line.length(); i < column; i++) pad.append(' ');
        return pad.toString();
    }
}
