package org.abilayout.codegen.report;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.json.Json;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.Layouts;

/**
 * The machine view of a spec's layouts, a contract other tools (the differential tests, scripts
 * in C projects) rely on; change its shape only with a new key:
 *
 * <pre>
 * {"package": P, "types": [{"name": N, "kind": "struct"|"union",
 *   "layouts": {TARGET: {"size": S, "align": A,
 *                        "fields": [{"name": F, "offset": O, "size": Z, "align": L}]}}}]}
 * </pre>
 *
 * Byte units. Types in spec order, targets in the order given, fields in declaration order as
 * {@code offsetof} sees them ({@link RecordLayout#flatFields()}: members of anonymous members
 * lifted, offsets from the start of the outer record).
 */
public final class JsonLayoutReport {
    private JsonLayoutReport() {}

    /** The report as a JSON document ({@link Json#write}), ending in a newline. */
    public static String render(Layouts layouts) {
        StringBuilder sb = new StringBuilder();
        try {
            render(layouts, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /**
     * Streams the same document to {@code out}, one type at a time: a spec of 10,000 structs on
     * every target is a document of over 100 MB, which is never held in memory whole. Written
     * directly, in {@link Json}'s format (byte for byte what {@code Json.write} would give the same
     * tree); a layout shared by several targets ({@link RecordLayout}: the engine lays out targets
     * with equal environments once) is formatted once.
     */
    public static void render(Layouts layouts, Appendable out) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("{\n  \"package\": ");
        Json.string(sb, layouts.spec().packageName());
        sb.append(",\n  \"types\": ");
        int n = layouts.spec().records().size();
        if (n == 0) {
            out.append(sb).append("[]\n}\n");
            return;
        }
        sb.append('[');
        Map<List<FieldLayout>, String> formatted = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            List<RecordLayout> perTarget = layouts.recordOnEachTarget(i);
            RecordLayout first = perTarget.getFirst();
            sb.append("\n    {\n      \"name\": ");
            Json.string(sb, first.name());
            sb.append(",\n      \"kind\": \"").append(first.decl().kind().keyword()).append("\",\n      \"layouts\": {");
            formatted.clear();
            for (int t = 0; t < perTarget.size(); t++) {
                RecordLayout l = perTarget.get(t);
                sb.append(t > 0 ? ",\n        " : "\n        ");
                Json.string(sb, l.target().name());
                sb.append(": ");
                String text = formatted.get(l.fields());
                if (text == null || !sameOuter(l, perTarget, t)) text = layout(l);
                formatted.putIfAbsent(l.fields(), text);
                sb.append(text);
            }
            sb.append("\n      }\n    }");
            out.append(sb);
            sb.setLength(0);
        }
        out.append("\n  ]\n}\n");
    }

    /**
     * Whether an earlier target's layout with these same members also has this size and
     * alignment (shared members come with them; the check keeps a hand-built value honest).
     */
    private static boolean sameOuter(RecordLayout l, List<RecordLayout> perTarget, int upTo) {
        for (int t = 0; t < upTo; t++) {
            RecordLayout o = perTarget.get(t);
            if (o.fields() == l.fields()) return o.size() == l.size() && o.align() == l.align();
        }
        return false;
    }

    /** One target's layout, as it stands nested four levels deep in the document. */
    private static String layout(RecordLayout l) {
        StringBuilder sb = new StringBuilder(64 + 64 * l.fields().size());
        sb.append("{\n          \"size\": ").append(l.size()).append(",\n          \"align\": ").append(l.align())
                .append(",\n          \"fields\": ");
        List<FlatField> fields = l.flatFields();
        if (fields.isEmpty()) {
            sb.append("[]");
        } else {
            sb.append('[');
            for (int i = 0; i < fields.size(); i++) {
                FlatField f = fields.get(i);
                sb.append(i > 0 ? ",\n            " : "\n            ").append("{\"name\": ");
                Json.string(sb, f.name());
                sb.append(", \"offset\": ").append(f.offset()).append(", \"size\": ").append(f.size())
                        .append(", \"align\": ").append(f.align()).append('}');
            }
            sb.append("\n          ]");
        }
        return sb.append("\n        }").toString();
    }
}
