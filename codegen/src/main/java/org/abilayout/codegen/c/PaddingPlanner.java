package org.abilayout.codegen.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.HeaderView.PadBranch;
import org.abilayout.codegen.c.HeaderView.PaddingLine;
import org.abilayout.layout.Gap;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;

/**
 * Turns the engine's gaps into explicit padding members: where each target's compiler would
 * leave a hole, the header declares {@code uint8_t _abi_padN[bytes]} instead, under an
 * {@code #if} over the targets that have a hole of that size. The layout stays the same; the
 * header is clean under {@code -Wpadded}, and zero initializers reach every byte.
 */
final class PaddingPlanner {
    private final String prefix;
    private final Map<String, String> targetMacros;
    private final int targetCount;

    /**
     * @param targetMacros identification macro by target name, for every target of the header
     * @param targetCount how many targets the header has
     */
    PaddingPlanner(String prefix, Map<String, String> targetMacros, int targetCount) {
        this.prefix = prefix;
        this.targetMacros = targetMacros;
        this.targetCount = targetCount;
    }

    /**
     * Where the holes are. Slot {@code i} follows member {@code i} of the record; slot
     * {@code members().size()} is the tail.
     *
     * @param slots per slot, the bytes to fill per target (targets without a hole are absent)
     * @param quiet tail padding that cannot become a member: it follows a flexible array member
     */
    record Plan(List<Map<Target, Long>> slots, boolean quiet) {}

    /** @param layouts the record's layout on each target where it exists */
    static Plan plan(RecordDecl rd, Map<Target, RecordLayout> layouts) {
        List<Member> members = rd.members();
        int n = members.size();
        boolean union = rd.kind() == RecordDecl.Kind.UNION;
        List<Map<Target, Long>> slots = new ArrayList<>();
        for (int i = 0; i <= n; i++) slots.add(new LinkedHashMap<>());
        boolean quiet = false;
        for (var e : layouts.entrySet()) {
            RecordLayout layout = e.getValue();
            for (Gap gap : layout.gaps()) {
                if (gap.tail() && endsWithFlexibleArray(layout)) {
                    quiet = true; // nothing may follow a flexible array member
                    continue;
                }
                int slot = gap.tail() ? n : indexOf(members, layout.fields().get(gap.afterIndex()).member());
                // a union's padding member overlays everything, so it spans the whole union
                slots.get(slot).put(e.getKey(), union ? layout.size() : gap.size());
            }
        }
        return new Plan(slots, quiet);
    }

    /**
     * The padding member of one slot, if any target has a hole there. Targets are grouped by
     * hole size (0 included); the largest group, unless it is the no-hole one, comes last as
     * "any known target" ({@code !defined(PREFIX_UNKNOWN_TARGET)}), which keeps the common case
     * short; the others are listed by their identification macros. A hole every target of the
     * header has alike is unconditional.
     *
     * @param layouts the record's layout on each target where it exists
     * @param names gives the member's name, asked only when a member is made
     */
    Optional<PaddingLine> line(Map<Target, Long> bytesByTarget, Map<Target, RecordLayout> layouts, Supplier<String> names) {
        if (bytesByTarget.isEmpty()) return Optional.empty();
        Map<Long, List<String>> bySize = new LinkedHashMap<>();
        for (Target t : layouts.keySet()) {
            bySize.computeIfAbsent(bytesByTarget.getOrDefault(t, 0L), k -> new ArrayList<>()).add(targetMacros.get(t.name()));
        }
        String name = names.get();
        if (bySize.size() == 1 && layouts.size() == targetCount) {
            return Optional.of(new PaddingLine(pad(name, bySize.keySet().iterator().next()), List.of()));
        }
        long majority = bySize.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .orElseThrow().getKey();
        List<PadBranch> branches = new ArrayList<>();
        bySize.forEach((size, macros) -> {
            if (size != majority) branches.add(new PadBranch(anyDefined(macros), size == 0 ? "" : pad(name, size)));
        });
        if (majority != 0) branches.add(new PadBranch("!defined(" + prefix + "_UNKNOWN_TARGET)", pad(name, majority)));
        return Optional.of(new PaddingLine("", branches));
    }

    private static String pad(String name, long bytes) {
        return "uint8_t " + name + "[" + bytes + "]";
    }

    /** {@code defined(A) || defined(B) ...}, wrapped with backslash continuations before 100 columns. */
    static String anyDefined(List<String> macros) {
        StringBuilder sb = new StringBuilder();
        int lineStart = 0;
        for (int i = 0; i < macros.size(); i++) {
            String item = "defined(" + macros.get(i) + ")" + (i < macros.size() - 1 ? " ||" : "");
            // "#if " or the continuation indent take 4 columns; a continuation needs 2 more
            if (i > 0 && 4 + sb.length() - lineStart + 1 + item.length() + 2 > 100) {
                sb.append(" \\\n    ");
                lineStart = sb.length();
            } else if (i > 0) {
                sb.append(' ');
            }
            sb.append(item);
        }
        return sb.toString();
    }

    private static boolean endsWithFlexibleArray(RecordLayout layout) {
        return !layout.fields().isEmpty()
                && layout.fields().getLast().member().type().unwrap() instanceof CType.ArrayType a && a.isFlexible();
    }

    private static int indexOf(List<Member> members, Member m) {
        for (int i = 0; i < members.size(); i++) if (members.get(i) == m) return i;
        throw new IllegalStateException("a layout field that is no member of its record: " + m.name());
    }
}
