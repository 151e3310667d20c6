package org.abilayout.codegen.report;

import org.abilayout.spec.cdecl.Declaration;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.Gap;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.traits.MemberTraits;

/**
 * One record on one target in the style of pahole, the layout viewer C maintainers already know:
 * the definition with each member's offset and size, holes and tail padding called out, a line
 * where each 64-byte cache line starts, and a summary. Anonymous struct/union members are
 * expanded in place with offsets from the start of the outer record, as {@code offsetof} gives
 * them. A member's layout and versioning annotations follow its position ({@code @reserved},
 * {@code @since(2) @if(ilp32)}), since they say why it is where it is.
 *
 * <pre>
 * struct link {
 *     uint32_t  l_flags;  /*     0     4 *&#47;
 *
 *     /* XXX 4 bytes hole, try to pack *&#47;
 *
 *     uintptr_t l_next;   /*     8     8 *&#47; @since(2)
 *
 *     /* size: 16, cachelines: 1, members: 2, holes: 1, sum holes: 4, padding: 0, align: 8 *&#47;
 * };
 * </pre>
 */
final class PaholeView {
    static final int CACHE_LINE = 64;
    private static final String INDENT = "    ";
    /** Beyond these widths a long type or name pushes its own line out instead of every line. */
    private static final int MAX_SPECIFIERS = 32;
    private static final int MAX_CODE = 64;

    private sealed interface Line {}

    private record Text(String text) implements Line {}

    private record Member(int depth, String specifiers, String declarator, long offset, long size, String notes)
            implements Line {}

    /** The closing {@code };} of an expanded anonymous member, carrying that member's offset and size. */
    private record Close(int depth, long offset, long size) implements Line {}

    private final List<Line> lines = new ArrayList<>();
    private long lastCacheLine;
    private int holes;
    private long holeBytes;

    private PaholeView() {}

    /** The view of {@code layout}, ending in a newline. */
    static String render(RecordLayout layout) {
        PaholeView v = new PaholeView();
        v.members(layout, 0, 1, true);
        return v.format(layout);
    }

    private void members(RecordLayout layout, long base, int depth, boolean outermost) {
        List<FieldLayout> fields = layout.fields();
        gapsAfter(layout, -1, depth, outermost);
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            long offset = base + f.offset();
            cacheLineMarker(offset, depth);
            if (f.member().isAnonymous() && f.nested().isPresent()) {
                RecordLayout nested = f.nested().get();
                lines.add(new Text(INDENT.repeat(depth) + nested.decl().kind().keyword() + " {"));
                members(nested, offset, depth + 1, false);
                lines.add(new Close(depth, offset, f.size()));
            } else {
                Declaration d = DeclaratorWriter.declaration(f.member().type(), f.name(), Spelling.SPEC);
                lines.add(new Member(depth, d.specifiers(), d.declarator(), offset, f.size(), annotations(f.member())));
            }
            gapsAfter(layout, i, depth, outermost);
        }
    }

    /**
     * The gaps the engine found after member {@code index}. The tail padding of an anonymous
     * member lies inside the outer record, so there it is a hole like any other.
     */
    private void gapsAfter(RecordLayout layout, int index, int depth, boolean outermost) {
        for (Gap g : layout.gaps()) {
            if (g.afterIndex() != index) continue;
            String indent = INDENT.repeat(depth);
            lines.add(new Text(""));
            if (g.tail() && outermost) {
                lines.add(new Text(indent + "/* XXX " + bytes(g.size()) + " tail padding */"));
            } else {
                holes++;
                holeBytes += g.size();
                lines.add(new Text(indent + "/* XXX " + bytes(g.size()) + " hole, try to pack */"));
                if (!g.tail()) lines.add(new Text(""));
            }
        }
    }

    private void cacheLineMarker(long offset, int depth) {
        long line = offset / CACHE_LINE;
        if (line <= lastCacheLine) return;
        lastCacheLine = line;
        long boundary = line * CACHE_LINE;
        String ago = offset == boundary ? "" : " was " + bytes(offset - boundary) + " ago";
        lines.add(new Text(INDENT.repeat(depth) + "/* --- cacheline " + line + " boundary (" + boundary + " bytes)"
                + ago + " --- */"));
    }

    private String format(RecordLayout layout) {
        int specWidth = 0;
        for (Line l : lines) {
            if (l instanceof Member m) {
                if (m.specifiers().length() <= MAX_SPECIFIERS) {
                    specWidth = Math.max(specWidth, INDENT.length() * m.depth() + m.specifiers().length());
                }
            }
        }
        List<String> code = new ArrayList<>(lines.size());
        int codeWidth = 0;
        for (Line l : lines) {
            String c = switch (l) {
                case Member m -> TextTable.pad(INDENT.repeat(m.depth()) + m.specifiers(), specWidth, TextTable.Align.LEFT)
                        + " " + m.declarator() + ";";
                case Close c2 -> INDENT.repeat(c2.depth()) + "};";
                case Text t -> t.text();
            };
            code.add(c);
            if (!(l instanceof Text) && c.length() <= MAX_CODE) codeWidth = Math.max(codeWidth, c.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(layout.decl().cName()).append(" {\n");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String c = code.get(i);
            switch (l) {
                case Member m -> sb.append(TextTable.pad(c, codeWidth, TextTable.Align.LEFT)).append(' ')
                        .append(position(m.offset(), m.size())).append(m.notes().isEmpty() ? "" : " " + m.notes());
                case Close cl -> sb.append(TextTable.pad(c, codeWidth, TextTable.Align.LEFT)).append(' ')
                        .append(position(cl.offset(), cl.size()));
                case Text t -> sb.append(c);
            }
            sb.append('\n');
        }
        long tail = layout.gaps().stream().filter(Gap::tail).mapToLong(Gap::size).sum();
        if (!lines.isEmpty() && !(lines.getLast() instanceof Text t && t.text().isEmpty())) sb.append('\n');
        sb.append(INDENT).append("/* size: ").append(layout.size())
                .append(", cachelines: ").append((layout.size() + CACHE_LINE - 1) / CACHE_LINE)
                .append(", members: ").append(layout.flatFields().size())
                .append(", holes: ").append(holes)
                .append(", sum holes: ").append(holeBytes)
                .append(", padding: ").append(tail)
                .append(", align: ").append(layout.align())
                .append(" */\n");
        sb.append("};\n");
        return sb.toString();
    }

    /**
     * The spec annotations that explain a member's place or its future, as the spec spells them:
     * {@code @align(16)}, {@code @since(2) @if(ilp32)}, {@code @reserved}, {@code @offset(24)}.
     */
    private static String annotations(org.abilayout.spec.model.Member m) {
        List<String> out = new ArrayList<>();
        MemberTraits t = m.traits();
        m.align().ifPresent(a -> out.add("@align(" + a + ")"));
        if (t.since() > 1) out.add("@since(" + t.since() + ")");
        t.condition().ifPresent(p -> out.add("@if(" + p.spelling() + ")"));
        if (t.reserved()) out.add("@reserved");
        t.pinnedOffset().ifPresent(o -> out.add("@offset(" + o + ")"));
        if (t.versionField()) out.add("@version_field");
        return String.join(" ", out);
    }

    private static String position(long offset, long size) {
        return String.format(java.util.Locale.ROOT, "/* %5d %5d */", offset, size);
    }

    private static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
