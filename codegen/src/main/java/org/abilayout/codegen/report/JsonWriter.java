package org.abilayout.codegen.report;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link Json} value as pretty-printed JSON (RFC 8259): two-space indentation, one
 * member or element per line, {@code []} and {@code {}} for empty containers, a trailing
 * newline. The output depends only on the value, never on the platform (line ends are always
 * {@code \n}), so reports and lock files diff cleanly and compare byte for byte.
 */
public final class JsonWriter {
    private static final String INDENT = "  ";

    private JsonWriter() {}

    /** The document text of {@code value}, ending in a newline. */
    public static String write(Json value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Json value, int depth) {
        switch (value) {
            case Json.Str s -> quote(sb, s.value());
            case Json.Num n -> sb.append(n.value());
            case Json.Bool b -> sb.append(b.value());
            case Json.Null n -> sb.append("null");
            case Json.Arr a -> {
                if (a.items().isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                for (Iterator<Json> it = a.items().iterator(); it.hasNext(); ) {
                    newline(sb, depth + 1);
                    write(sb, it.next(), depth + 1);
                    if (it.hasNext()) sb.append(',');
                }
                newline(sb, depth);
                sb.append(']');
            }
            case Json.Obj o -> {
                if (o.members().isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                for (Iterator<Map.Entry<String, Json>> it = o.members().entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<String, Json> e = it.next();
                    newline(sb, depth + 1);
                    quote(sb, e.getKey());
                    sb.append(": ");
                    write(sb, e.getValue(), depth + 1);
                    if (it.hasNext()) sb.append(',');
                }
                newline(sb, depth);
                sb.append('}');
            }
        }
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        sb.append(INDENT.repeat(depth));
    }

    /**
     * Appends {@code s} as a JSON string literal. Control characters are escaped (as {@code \n}
     * and friends where JSON has a short form), and so are unpaired surrogates, which have no
     * UTF-8 encoding: a Java string can hold them, a UTF-8 file cannot.
     */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = Integer.toHexString(c);
        sb.append("0".repeat(4 - hex.length())).append(hex);
    }
}
