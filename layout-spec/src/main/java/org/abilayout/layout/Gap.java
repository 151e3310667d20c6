package org.abilayout.layout;

/**
 * Bytes of a record no member occupies: a hole between two members, or tail padding.
 *
 * @param offset where it starts
 * @param size how many bytes
 * @param afterIndex index of the member it follows in {@link RecordLayout#fields()}
 * @param tail whether it is tail padding (at the end of the record)
 */
public record Gap(long offset, long size, int afterIndex, boolean tail) {}
