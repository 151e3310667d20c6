package org.abilayout.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.Layouts;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * Computes the {@link Facts} of a spec: each struct's layout in every version from 1 to its
 * {@code @version}, on every target. The layout of version k is the current layout with the
 * members {@code @since} a later version turned into reserved bytes at the same place (C would
 * have laid out the old struct with spare space there); its alignment is that of the members
 * it has; its size stays, unless the struct is {@code @extensible}, whose older versions end
 * after their last member.
 */
public final class FactsBuilder {
    private FactsBuilder() {}

    /** The facts of the spec laid out in {@code layouts}, on its targets. */
    public static Facts.Spec of(Layouts all) {
        Spec spec = all.spec();
        List<SpecLayout> layouts = all.perTarget();
        List<Facts.Type> types = new ArrayList<>();
        List<RecordDecl> records = spec.records();
        for (int i = 0; i < records.size(); i++) {
            RecordDecl r = records.get(i);
            int current = r.traits().version();
            SortedMap<Integer, SortedMap<String, Facts.Layout>> versions = new TreeMap<>();
            for (int v = 1; v <= current; v++) {
                SortedMap<String, Facts.Layout> byTarget = new TreeMap<>();
                for (SpecLayout sl : layouts) {
                    // every SpecLayout lists the spec's records in spec order
                    byTarget.put(sl.target().name(), view(sl.records().get(i), v));
                }
                versions.put(v, byTarget);
            }
            types.add(new Facts.Type(r.name(), r.kind().keyword(), current, r.traits().extensible(), versions));
        }
        List<Facts.Enum> enums = new ArrayList<>();
        List<Facts.Const> consts = new ArrayList<>();
        for (Decl d : spec.decls()) {
            if (d instanceof EnumDecl e) {
                Map<String, Long> values = new LinkedHashMap<>();
                for (EnumDecl.Enumerator en : e.values()) values.put(en.name(), en.value());
                enums.add(new Facts.Enum(e.name(), e.storageScalar().spelling(), values));
            } else if (d instanceof ConstDecl c) {
                consts.add(new Facts.Const(c.name(), c.type().spelling(), c.value()));
            }
        }
        return new Facts.Spec(spec.packageName(), types, enums, consts);
    }

    /** The layout of {@code version} seen from the current layout. */
    static Facts.Layout view(RecordLayout layout, int version) {
        List<Facts.Field> fields = new ArrayList<>();
        long[] alignAndEnd = {1, 0};
        collect(layout, 0, version, 1, false, "", fields, alignAndEnd);
        long align = Math.max(alignAndEnd[0], layout.decl().align().orElse(1));
        long size = layout.size();
        if (layout.decl().traits().extensible()) {
            long end = alignAndEnd[1];
            size = (end + align - 1) / align * align;
        }
        long membersEnd = fields.stream().mapToLong(Facts.Field::end).max().orElse(0);
        if (!layout.decl().traits().padTo().isEmpty() && membersEnd < size && !layout.decl().traits().extensible()) {
            // @pad_to filler: trailing bytes reserved for later versions
            fields.add(new Facts.Field("(pad_to)", membersEnd, size - membersEnd, 1, TypeFacts.bytes(size - membersEnd),
                    true, false, 1, ""));
        }
        return new Facts.Layout(size, align, fields);
    }

    private static void collect(RecordLayout layout, long base, int version, int inheritedSince, boolean inheritedReserved,
            String inheritedCondition, List<Facts.Field> out, long[] alignAndEnd) {
        for (FieldLayout f : layout.fields()) {
            Member m = f.member();
            int since = Math.max(inheritedSince, m.traits().since());
            boolean reserved = inheritedReserved || m.traits().reserved();
            String condition = join(inheritedCondition, m.traits().condition().map(p -> p.spelling()).orElse(""));
            boolean visible = since <= version;
            if (m.isAnonymous() && f.nested().isPresent()) {
                long[] inner = {1, 0};
                collect(f.nested().get(), base + f.offset(), version, since, reserved, condition, out, inner);
                if (visible) {
                    long a = layout.decl().packed() ? 1 : inner[0];
                    if (m.align().isPresent()) a = Math.max(a, m.align().getAsLong());
                    alignAndEnd[0] = Math.max(alignAndEnd[0], a);
                }
                alignAndEnd[1] = Math.max(alignAndEnd[1], inner[1]);
                continue;
            }
            out.add(new Facts.Field(m.name(), base + f.offset(), f.size(), f.align(), TypeFacts.of(m.type()),
                    reserved || !visible, m.traits().versionField(), since, condition));
            if (visible) {
                alignAndEnd[0] = Math.max(alignAndEnd[0], f.align());
                alignAndEnd[1] = Math.max(alignAndEnd[1], base + f.end());
            }
        }
    }

    private static String join(String outer, String inner) {
        if (outer.isEmpty()) return inner;
        if (inner.isEmpty()) return outer;
        return "(" + outer + ") && (" + inner + ")";
    }
}
