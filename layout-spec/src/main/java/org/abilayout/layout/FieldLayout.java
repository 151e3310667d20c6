package org.abilayout.layout;

import java.util.Optional;
import org.abilayout.spec.model.Member;

/**
 * Where one member sits on one target.
 *
 * @param member the spec member
 * @param offset byte offset from the start of the record that declares it
 * @param size bytes it occupies (0 for a flexible array member)
 * @param align its alignment in this record (1 in a packed record unless {@code @align} raises it)
 * @param nested the layout of its struct or union type (named or anonymous), by value or as the
 *     element type of an array, for views that expand it
 */
public record FieldLayout(Member member, long offset, long size, long align, Optional<RecordLayout> nested) {

    public String name() {
        return member.name();
    }

    public long end() {
        return offset + size;
    }
}
