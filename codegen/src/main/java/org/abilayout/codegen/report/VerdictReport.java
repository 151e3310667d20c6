package org.abilayout.codegen.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.compat.Change;
import org.abilayout.compat.Severity;
import org.abilayout.compat.Verdict;
import org.abilayout.json.Json;

/** Views of a {@link Verdict}: text grouped by type and kind, and JSON of the same tree. */
public final class VerdictReport {
    private VerdictReport() {}

    public static String text(Verdict v) {
        StringBuilder sb = new StringBuilder();
        String type = null;
        for (Change c : v.changes()) {
            if (!c.type().equals(type)) {
                type = c.type();
                sb.append(type).append('\n');
            }
            line(sb, c, v.targets(), "  ");
        }
        long breaking = v.count(Severity.BREAKING);
        long compatible = v.count(Severity.COMPATIBLE);
        long notes = v.count(Severity.NOTE);
        if (!v.changes().isEmpty()) sb.append('\n');
        sb.append(breaking > 0 ? "BREAKING" : "compatible").append(": ")
                .append(breaking).append(" breaking, ").append(compatible).append(" compatible, ")
                .append(notes).append(notes == 1 ? " note" : " notes")
                .append(" on ").append(v.targets().size()).append(v.targets().size() == 1 ? " target" : " targets").append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, Change c, List<String> universe, String indent) {
        String verb = switch (c.severity()) {
            case BREAKING -> "breaks on ";
            case COMPATIBLE -> "compatible on ";
            case NOTE -> c.acknowledged().isPresent() ? "accepted on " : "note on ";
        };
        sb.append(indent).append(c.severity() == Severity.BREAKING ? "error" : c.severity() == Severity.COMPATIBLE ? "ok" : "note")
                .append(": ").append(c.kind().id());
        if (!c.member().isEmpty()) sb.append(" '").append(c.member()).append('\'');
        if (!c.oldFact().isEmpty() || !c.newFact().isEmpty()) {
            sb.append(": ").append(c.oldFact().isEmpty() ? "(none)" : c.oldFact())
                    .append(" -> ").append(c.newFact().isEmpty() ? "(none)" : c.newFact());
        }
        sb.append('\n');
        sb.append(indent).append("    ").append(verb).append(TargetSets.describe(c.targets(), universe)).append('\n');
        if (!c.detail().isEmpty()) sb.append(indent).append("    ").append(c.detail()).append('\n');
        c.acknowledged().ifPresent(r -> sb.append(indent).append("    reason: ").append(r).append('\n'));
        for (Change cause : c.causes()) line(sb, cause, universe, indent + "    ");
    }

    public static String json(Verdict v) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("package", v.packageName());
        root.put("verdict", v.isBreaking() ? "breaking" : "compatible");
        root.put("targets", v.targets());
        List<Object> changes = new ArrayList<>();
        for (Change c : v.changes()) changes.add(change(c));
        root.put("changes", changes);
        return Json.write(root);
    }

    private static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind().id());
        m.put("severity", c.severity().label());
        m.put("type", c.type());
        m.put("member", c.member());
        m.put("old", c.oldFact());
        m.put("new", c.newFact());
        m.put("detail", c.detail());
        m.put("targets", new ArrayList<>(c.targets()));
        c.acknowledged().ifPresent(r -> m.put("acknowledged", r));
        if (!c.causes().isEmpty()) {
            List<Object> causes = new ArrayList<>();
            for (Change cause : c.causes()) causes.add(change(cause));
            m.put("causes", causes);
        }
        return m;
    }
}
