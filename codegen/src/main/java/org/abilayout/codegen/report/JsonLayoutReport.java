package org.abilayout.codegen.report;

import java.util.List;
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

    /** The report as a JSON document, ending in a newline. */
    public static String render(List<SpecLayout> layouts) {
        return JsonWriter.write(toJson(layouts));
    }

    /** The report as a JSON value. */
    public static Json toJson(List<SpecLayout> layouts) {
        SpecLayouts.check(layouts);
        SpecLayout first = layouts.getFirst();
        List<Json> types = new java.util.ArrayList<>();
        for (int i = 0; i < first.records().size(); i++) {
            List<RecordLayout> perTarget = SpecLayouts.recordOnEachTarget(layouts, i);
            Json.ObjectBuilder byTarget = Json.object();
            for (RecordLayout l : perTarget) byTarget.put(l.target().name(), layout(l));
            RecordLayout r = perTarget.getFirst();
            types.add(Json.object()
                    .put("name", r.name())
                    .put("kind", r.decl().kind().keyword())
                    .put("layouts", byTarget.build())
                    .build());
        }
        return Json.object()
                .put("package", first.spec().packageName())
                .put("types", Json.array(types))
                .build();
    }

    private static Json layout(RecordLayout l) {
        List<Json> fields = l.flatFields().stream().map(JsonLayoutReport::field).toList();
        return Json.object()
                .put("size", l.size())
                .put("align", l.align())
                .put("fields", Json.array(fields))
                .build();
    }

    private static Json field(FlatField f) {
        return Json.object()
                .put("name", f.name())
                .put("offset", f.offset())
                .put("size", f.size())
                .put("align", f.align())
                .build();
    }
}
