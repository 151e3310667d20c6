package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abilayout.arch.Storage;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.json.Json;

/** The target catalogue as a table for people and as JSON for tools. */
public final class TargetCatalogueReport {
    /** The types whose size or alignment varies between targets; the others are the same everywhere. */
    private static final List<Storage> VARYING = List.of(Storage.LONG, Storage.LONG_LONG, Storage.POINTER,
            Storage.DOUBLE, Storage.LONG_DOUBLE, Storage.WCHAR);

    private TargetCatalogueReport() {}

    /**
     * One line per target: name, cpu, os, data model, byte order, plain char signedness, the
     * size/alignment of the types that vary between targets, and the reference compiler.
     */
    public static String text(List<Target> targets) {
        TextTable.Align l = TextTable.Align.LEFT;
        TextTable.Align r = TextTable.Align.RIGHT;
        TextTable table = new TextTable("  ", l, l, l, l, l, l, r, r, r, r, r, r, l);
        table.row("target", "cpu", "os", "model", "endian", "char", "long", "llong", "ptr", "double", "ldouble",
                "wchar", "ref");
        for (Target t : targets) {
            List<String> cells = new ArrayList<>(List.of(t.name(), t.cpu().specName(), t.os().specName(), t.dataModel().predicateName(),
                    lower(t.endian()), t.charSigned() ? "signed" : "unsigned"));
            for (Storage s : VARYING) cells.add(sizeAlign(t.info(s)));
            cells.add(lower(t.reference()));
            table.row(cells);
        }
        return table.render("") + "\nsizes are size/alignment in bytes, alignment as a struct member; "
                + "ref: the compiler the layouts are checked against\n";
    }

    /**
     * {@code {"targets": [{"name", "cpu", "os", "data_model", "endian", "char_signed",
     * "types": {STORAGE: {"size", "align"}}, "long_double", "record_abi", "atomic_promote",
     * "reference", "notes"}]}}, enum values in lower case.
     */
    public static Map<String, Object> toJson(List<Target> targets) {
        List<Object> out = new ArrayList<>();
        for (Target t : targets) {
            Map<String, Object> types = new LinkedHashMap<>();
            for (Storage s : Storage.values()) {
                TypeInfo info = t.info(s);
                Map<String, Object> sizeAlign = new LinkedHashMap<>();
                sizeAlign.put("size", info.size());
                sizeAlign.put("align", info.align());
                types.put(lower(s), sizeAlign);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("cpu", t.cpu().specName());
            m.put("os", t.os().specName());
            m.put("data_model", t.dataModel().predicateName());
            m.put("endian", lower(t.endian()));
            m.put("char_signed", t.charSigned());
            m.put("types", types);
            m.put("long_double", lower(t.longDouble()));
            m.put("record_abi", lower(t.recordAbi()));
            m.put("atomic_promote", t.maxAtomicPromote());
            m.put("reference", lower(t.reference()));
            m.put("notes", t.notes());
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("targets", out);
        return root;
    }

    public static String json(List<Target> targets) {
        return Json.write(toJson(targets));
    }

    private static String sizeAlign(TypeInfo info) {
        return info.size() + "/" + info.align();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
