package org.abilayout.arch;

/** Byte order of a target. */
public enum Endian {
    LITTLE, BIG;

    public java.nio.ByteOrder byteOrder() {
        return this == LITTLE ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN;
    }
}
