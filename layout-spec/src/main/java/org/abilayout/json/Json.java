package org.abilayout.json;

import java.util.List;
import java.util.Map;

/**
 * Deterministic JSON output for reports and lock files. Values are {@link Map} (insertion order
 * kept: pass a {@link java.util.LinkedHashMap} or a sorted map), {@link List}, {@link String},
 * integral {@link Number}s, {@link Boolean} and {@code null}. Objects and arrays holding only
 * scalars are written on one line, everything else one entry per line with two-space indents,
 * so a lock file reads well in a diff.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    /**
     * Appends {@code value} as it would appear nested {@code indent} levels deep in a document, so
     * large documents can be streamed one part at a time (without the trailing newline).
     */
    public static void writeNested(StringBuilder sb, Object value, int indent) {
        write(sb, value, indent);
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Long n -> sb.append(n.longValue());
            case Integer n -> sb.append(n.intValue());
            case Map<?, ?> m -> object(sb, m, indent);
            case List<?> l -> array(sb, l, indent);
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static boolean flat(Iterable<?> values) {
        for (Object o : values) if (o instanceof Map || o instanceof List) return false;
        return true;
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        boolean inline = flat(m.values());
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            if (inline) sb.append(m.size() > 0 && sb.charAt(sb.length() - 1) == '{' ? "" : " ");
            else newline(sb, indent + 1);
            string(sb, (String) e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), indent + 1);
        }
        if (!inline) newline(sb, indent);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> l, int indent) {
        if (l.isEmpty()) {
            sb.append("[]");
            return;
        }
        boolean inline = flat(l);
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) sb.append(inline ? ", " : ",");
            if (!inline) newline(sb, indent + 1);
            write(sb, l.get(i), indent + 1);
        }
        if (!inline) newline(sb, indent);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent) {
        sb.append('\n');
        for (int i = 0; i < indent; i++) sb.append("  ");
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
