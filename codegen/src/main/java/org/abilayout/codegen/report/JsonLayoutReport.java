package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.json.Json;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;

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
    public static String render(List<SpecLayout> layouts) {
        return Json.write(toJson(layouts));
    }

    /** The report as a JSON value: maps in key order, lists, strings and longs. */
    public static Map<String, Object> toJson(List<SpecLayout> layouts) {
        SpecLayouts.check(layouts);
        SpecLayout first = layouts.getFirst();
        List<Object> types = new ArrayList<>();
        for (int i = 0; i < first.records().size(); i++) {
            List<RecordLayout> perTarget = SpecLayouts.recordOnEachTarget(layouts, i);
            Map<String, Object> byTarget = new LinkedHashMap<>();
            for (RecordLayout l : perTarget) byTarget.put(l.target().name(), layout(l));
            RecordLayout r = perTarget.getFirst();
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", r.name());
            type.put("kind", r.decl().kind().keyword());
            type.put("layouts", byTarget);
            types.add(type);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("package", first.spec().packageName());
        root.put("types", types);
        return root;
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
