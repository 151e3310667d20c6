package org.abilayout.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.abilayout.json.Json;
import org.abilayout.json.JsonReader;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;

/**
 * The lock of released layouts ({@code SPEC.lock}): JSON, deterministic, sorted, and grouped so
 * that it reads well in a diff. For each struct (by name), each released version, the targets
 * that share one layout are listed together with that full layout; enums and constants follow.
 * Written by {@code abilayout freeze}, read by {@code abilayout check}.
 */
public final class LockFile {
    /**
     * Bumped when the format changes incompatibly; readers refuse other formats. Format 2 records
     * each member's type in structured form beside its spellings (format 1, written by
     * development versions before types were values, had spellings only).
     */
    public static final int FORMAT = 2;

    private LockFile() {}

    public static String write(Facts.Spec facts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("abilayout_lock", FORMAT);
        root.put("package", facts.packageName());
        List<Object> types = new ArrayList<>();
        for (Facts.Type t : facts.types().stream().sorted(Comparator.comparing(Facts.Type::name)).toList()) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", t.name());
            type.put("kind", t.kind());
            type.put("version", t.version());
            if (t.extensible()) type.put("extensible", true);
            List<Object> versions = new ArrayList<>();
            for (var v : t.versions().entrySet()) {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("version", v.getKey());
                version.put("layouts", groups(v.getValue()));
                versions.add(version);
            }
            type.put("versions", versions);
            types.add(type);
        }
        root.put("types", types);
        List<Object> enums = new ArrayList<>();
        for (Facts.Enum e : facts.enums().stream().sorted(Comparator.comparing(Facts.Enum::name)).toList()) {
            Map<String, Object> en = new LinkedHashMap<>();
            en.put("name", e.name());
            en.put("underlying", e.underlying());
            en.put("values", new LinkedHashMap<String, Object>(e.values()));
            enums.add(en);
        }
        root.put("enums", enums);
        List<Object> consts = new ArrayList<>();
        for (Facts.Const c : facts.consts().stream().sorted(Comparator.comparing(Facts.Const::name)).toList()) {
            Map<String, Object> co = new LinkedHashMap<>();
            co.put("name", c.name());
            co.put("type", c.type());
            co.put("value", c.value());
            consts.add(co);
        }
        root.put("consts", consts);
        return Json.write(root);
    }

    private static List<Object> groups(SortedMap<String, Facts.Layout> byTarget) {
        Map<Facts.Layout, List<String>> grouped = new LinkedHashMap<>();
        byTarget.forEach((target, layout) -> grouped.computeIfAbsent(layout, k -> new ArrayList<>()).add(target));
        List<Object> out = new ArrayList<>();
        grouped.forEach((layout, targets) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("targets", targets);
            g.put("size", layout.size());
            g.put("align", layout.align());
            List<Object> fields = new ArrayList<>();
            for (Facts.Field f : layout.fields()) {
                Map<String, Object> fo = new LinkedHashMap<>();
                fo.put("name", f.name());
                fo.put("offset", f.offset());
                fo.put("size", f.size());
                fo.put("align", f.align());
                TypeFacts t = f.type();
                fo.put("type", t.written());
                if (!t.canonical().equals(t.written())) fo.put("canonical", t.canonical());
                if (!t.bare().equals(t.canonical())) fo.put("bare", t.bare());
                fo.put("class", t.typeClass().id());
                if (t.isArray()) {
                    fo.put("element", t.element());
                    List<Object> dims = new ArrayList<>();
                    for (var d : t.dims()) dims.add(d.isPresent() ? (Object) d.getAsLong() : null);
                    fo.put("dims", dims);
                }
                if (!t.record().isEmpty()) fo.put("record", t.record());
                if (t.isVolatile()) fo.put("volatile", true);
                if (t.isAtomic()) fo.put("atomic", true);
                if (f.reserved()) fo.put("reserved", true);
                if (f.versionField()) fo.put("version_field", true);
                if (f.since() != 1) fo.put("since", f.since());
                if (!f.condition().isEmpty()) fo.put("if", f.condition());
                fields.add(fo);
            }
            g.put("fields", fields);
            out.add(g);
        });
        return out;
    }

    /** Reads a lock file; malformed content is reported at its line and column. */
    public static Facts.Spec read(SourceFile lock) throws SpecException {
        Object root;
        try {
            root = JsonReader.parse(lock.text());
        } catch (JsonReader.JsonException e) {
            throw new SpecException(Diagnostic.error(lock.pos(Math.min(e.offset(), lock.text().length())),
                    "malformed lock file: " + e.getMessage()), lock);
        }
        try {
            Map<?, ?> m = map(root, "the lock");
            long format = number(m, "abilayout_lock");
            if (format != FORMAT) {
                throw new Bad("lock format " + format + " is not " + FORMAT + ": this abilayout cannot read it"
                        + (format == 1 ? " (format 1 was written by a development version before member types were "
                                + "recorded in structured form)" : ""));
            }
            String pkg = string(m, "package");
            List<Facts.Type> types = new ArrayList<>();
            for (Object to : list(m, "types")) {
                Map<?, ?> t = map(to, "a type");
                SortedMap<Integer, SortedMap<String, Facts.Layout>> versions = new TreeMap<>();
                for (Object vo : list(t, "versions")) {
                    Map<?, ?> v = map(vo, "a version");
                    SortedMap<String, Facts.Layout> byTarget = new TreeMap<>();
                    for (Object go : list(v, "layouts")) {
                        Map<?, ?> g = map(go, "a layout");
                        List<Facts.Field> fields = new ArrayList<>();
                        for (Object fo : list(g, "fields")) {
                            Map<?, ?> f = map(fo, "a field");
                            fields.add(new Facts.Field(string(f, "name"), number(f, "offset"), number(f, "size"),
                                    number(f, "align"), typeFacts(f), flag(f, "reserved"), flag(f, "version_field"),
                                    f.containsKey("since") ? (int) number(f, "since") : 1,
                                    f.containsKey("if") ? string(f, "if") : ""));
                        }
                        Facts.Layout layout = new Facts.Layout(number(g, "size"), number(g, "align"), fields);
                        for (Object target : list(g, "targets")) {
                            if (!(target instanceof String name)) throw new Bad("target names must be strings");
                            byTarget.put(name, layout);
                        }
                    }
                    versions.put((int) number(v, "version"), byTarget);
                }
                types.add(new Facts.Type(string(t, "name"), string(t, "kind"), (int) number(t, "version"),
                        flag(t, "extensible"), versions));
            }
            List<Facts.Enum> enums = new ArrayList<>();
            for (Object eo : list(m, "enums")) {
                Map<?, ?> e = map(eo, "an enum");
                Map<String, Long> values = new LinkedHashMap<>();
                for (var entry : map(e.get("values"), "enum values").entrySet()) {
                    if (!(entry.getValue() instanceof Long l)) throw new Bad("enum values must be integers");
                    values.put((String) entry.getKey(), l);
                }
                enums.add(new Facts.Enum(string(e, "name"), string(e, "underlying"), values));
            }
            List<Facts.Const> consts = new ArrayList<>();
            for (Object co : list(m, "consts")) {
                Map<?, ?> c = map(co, "a constant");
                consts.add(new Facts.Const(string(c, "name"), string(c, "type"), number(c, "value")));
            }
            return new Facts.Spec(pkg, types, enums, consts);
        } catch (Bad e) {
            throw new SpecException(Diagnostic.error(lock.pos(0), "malformed lock file: " + e.getMessage()
                    + " (regenerate it with `abilayout freeze` from the released spec)"), lock);
        }
    }

    private static TypeFacts typeFacts(Map<?, ?> f) throws Bad {
        String written = string(f, "type");
        String canonical = f.containsKey("canonical") ? string(f, "canonical") : written;
        String bare = f.containsKey("bare") ? string(f, "bare") : canonical;
        String cls = string(f, "class");
        TypeFacts.TypeClass typeClass = TypeFacts.TypeClass.byId(cls)
                .orElseThrow(() -> new Bad("unknown type class \"" + cls + "\""));
        List<java.util.OptionalLong> dims = new ArrayList<>();
        if (f.containsKey("dims")) {
            for (Object d : list(f, "dims")) {
                if (d == null) dims.add(java.util.OptionalLong.empty());
                else if (d instanceof Long l && l >= 0) dims.add(java.util.OptionalLong.of(l));
                else throw new Bad("\"dims\" must hold array lengths (null for a flexible array)");
            }
        }
        String element = f.containsKey("element") ? string(f, "element") : bare;
        String record = f.containsKey("record") ? string(f, "record") : "";
        return new TypeFacts(written, canonical, bare, typeClass, element, dims, record, flag(f, "volatile"), flag(f, "atomic"));
    }

    private static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private static Map<?, ?> map(Object o, String what) throws Bad {
        if (o instanceof Map<?, ?> m) return m;
        throw new Bad(what + " must be a JSON object");
    }

    private static List<?> list(Map<?, ?> m, String key) throws Bad {
        if (m.get(key) instanceof List<?> l) return l;
        throw new Bad("\"" + key + "\" must be a JSON array");
    }

    private static String string(Map<?, ?> m, String key) throws Bad {
        if (m.get(key) instanceof String s) return s;
        throw new Bad("\"" + key + "\" must be a string");
    }

    private static long number(Map<?, ?> m, String key) throws Bad {
        if (m.get(key) instanceof Long l) return l;
        throw new Bad("\"" + key + "\" must be an integer");
    }

    private static boolean flag(Map<?, ?> m, String key) throws Bad {
        Object v = m.get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw new Bad("\"" + key + "\" must be true or false");
    }
}
