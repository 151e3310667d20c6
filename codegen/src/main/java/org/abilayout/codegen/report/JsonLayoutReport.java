package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.json.Json;
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
     * every target is a document of over 100 MB, which is never held in memory whole.
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
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append("\n    ");
            Json.writeNested(sb, type(layouts.recordOnEachTarget(i)), 2);
            out.append(sb);
            sb.setLength(0);
        }
        out.append("\n  ]\n}\n");
    }

    private static Map<String, Object> type(List<RecordLayout> perTarget) {
        Map<String, Object> byTarget = new LinkedHashMap<>();
        for (RecordLayout l : perTarget) byTarget.put(l.target().name(), layout(l));
        RecordLayout r = perTarget.getFirst();
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("name", r.name());
        type.put("kind", r.decl().kind().keyword());
        type.put("layouts", byTarget);
        return type;
    }

    private static Map<String, Object> layout(RecordLayout l) {
        List<Object> fields = new ArrayList<>();
        for (FlatField f : l.flatFields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("offset", f.offset());
            field.put("size", f.size());
            field.put("align", f.align());
            fields.add(field);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", l.size());
        m.put("align", l.align());
        m.put("fields", fields);
        return m;
    }
}
