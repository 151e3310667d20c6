package org.abilayout.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for lock files: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, integers {@link Long}s (fractions and exponents are rejected: abilayout never
 * writes them). Errors carry the character offset so callers can point at the line and column.
 */
public final class JsonReader {

    /** Malformed JSON at {@code offset}. */
    public static final class JsonException extends Exception {
        private final int offset;

        public JsonException(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final int MAX_DEPTH = 64;
    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    public static Object parse(String text) throws JsonException {
        JsonReader r = new JsonReader(text);
        Object v = r.value(0);
        r.space();
        if (r.pos < text.length()) throw new JsonException(r.pos, "unexpected text after the JSON value");
        return v;
    }

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) throw new JsonException(pos, "JSON nested too deeply");
        space();
        if (pos >= text.length()) throw new JsonException(pos, "unexpected end of JSON");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') yield number();
                throw new JsonException(pos, "unexpected character '" + c + "' in JSON");
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        space();
        if (peek('}')) {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (!peek('"')) throw new JsonException(pos, "expected a string key");
            int keyPos = pos;
            String key = string();
            space();
            expect(':');
            if (m.containsKey(key)) throw new JsonException(keyPos, "duplicate key \"" + key + "\"");
            m.put(key, value(depth + 1));
            space();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> l = new ArrayList<>();
        pos++;
        space();
        if (peek(']')) {
            pos++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private String string() throws JsonException {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c == '\\') {
                if (pos >= text.length()) break;
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) throw new JsonException(pos, "bad \\u escape");
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new JsonException(pos, "bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw new JsonException(pos - 1, "bad escape \\" + e);
                }
            } else if (c < 0x20) {
                throw new JsonException(pos - 1, "control character in a JSON string");
            } else {
                sb.append(c);
            }
        }
        throw new JsonException(start, "unterminated JSON string");
    }

    private Long number() throws JsonException {
        int start = pos;
        if (peek('-')) pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            throw new JsonException(start, "only integers are expected here");
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new JsonException(start, "bad or too large number");
        }
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, pos)) throw new JsonException(pos, "unexpected token in JSON");
        pos += word.length();
        return value;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) throws JsonException {
        if (!peek(c)) throw new JsonException(pos, "expected '" + c + "'");
        pos++;
    }

    private void space() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }
}
