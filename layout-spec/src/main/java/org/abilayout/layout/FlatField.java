package org.abilayout.layout;

/**
 * A member as C's {@code offsetof} sees it from the outermost named record: the members of
 * anonymous struct/union members are lifted into their parent, with offsets from the parent's
 * start; a named nested member is one entry.
 *
 * @param name the member name as C spells it in {@code offsetof(struct s, NAME)}
 * @param field the layout of the member in the record that declares it
 * @param offset offset from the start of the outermost record
 */
public record FlatField(String name, FieldLayout field, long offset) {
    public long size() {
        return field.size();
    }

    public long align() {
        return field.align();
    }
}
