package org.abilayout.layout;

import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.RecordDecl;

/**
 * The layout of one struct or union on one target: exactly what that platform's C compiler
 * computes for {@code sizeof}, {@code _Alignof} and {@code offsetof}.
 *
 * <p>Targets whose layout environments are equal share one layout's members: the engine lays them
 * out once ({@link LayoutEngine#layoutAll}), so the layouts nested in {@link #fields()} may name
 * another target of the same environment. Read the target from the outermost record.
 *
 * @param fields the record's own members, in declaration order (anonymous members appear as one
 *     entry with a nested layout; {@link #flatFields()} lifts them)
 * @param gaps holes between members and tail padding, in offset order
 */
public record RecordLayout(RecordDecl decl, Target target, long size, long align, List<FieldLayout> fields,
        List<Gap> gaps) {

    public RecordLayout {
        fields = List.copyOf(fields);
        gaps = List.copyOf(gaps);
    }

    /** This layout for another target with the same layout environment (members shared). */
    RecordLayout on(Target other) {
        return new RecordLayout(decl, other, size, align, fields, gaps);
    }

    public String name() {
        return decl.name();
    }

    /** Members as {@code offsetof} sees them: anonymous members' members lifted, in declaration order. */
    public List<FlatField> flatFields() {
        List<FlatField> out = new ArrayList<>();
        flatten(this, 0, out);
        return out;
    }

    private static void flatten(RecordLayout layout, long base, List<FlatField> out) {
        for (FieldLayout f : layout.fields) {
            if (f.member().isAnonymous() && f.nested().isPresent()) {
                flatten(f.nested().get(), base + f.offset(), out);
            } else {
                out.add(new FlatField(f.name(), f, base + f.offset()));
            }
        }
    }

    /** Total bytes of holes and tail padding. */
    public long paddingBytes() {
        return gaps.stream().mapToLong(Gap::size).sum();
    }
}
