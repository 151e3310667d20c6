package org.abilayout.mutex.layout;

import java.util.Map;

/**
 * What the protocol needs to know of one struct of {@code shared_mutex.layout} on this host: its
 * size, the version this library writes and accepts, its magic, and the offset of each member.
 *
 * @param name the struct name in the spec
 * @param size {@code sizeof} on the host target
 * @param align {@code _Alignof} on the host target
 * @param version the struct's {@code @version}
 * @param offsets byte offset of every member, by name
 * @param reservedRanges {@code [offset, size]} pairs of the {@code @reserved} members
 */
public record StructAbi(String name, long size, long align, int version, Map<String, Long> offsets, long[] reservedRanges) {

    public StructAbi {
        offsets = Map.copyOf(offsets);
        reservedRanges = reservedRanges.clone();
    }

    /** The offset of member {@code member}; a member the spec lost is a build error, reported here. */
    public long offset(String member) {
        Long o = offsets.get(member);
        if (o == null) throw new IllegalStateException("struct " + name + " has no member '" + member + "' in shared_mutex.layout");
        return o;
    }

    @Override
    public long[] reservedRanges() {
        return reservedRanges.clone();
    }
}
