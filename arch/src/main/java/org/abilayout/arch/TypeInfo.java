package org.abilayout.arch;

/**
 * Size and alignment in bytes of a type as a member of a struct on one target. The alignment is
 * the one a struct member gets (C11 {@code offsetof} of {@code struct { char c; T x; }}), which
 * on some ABIs is smaller than the alignment of a stand-alone variable (i386 {@code double}).
 */
public record TypeInfo(long size, long align) {
    public TypeInfo {
        if (size < 0 || align < 1 || Long.bitCount(align) != 1) {
            throw new IllegalArgumentException("bad type info: size " + size + ", align " + align);
        }
    }
}
