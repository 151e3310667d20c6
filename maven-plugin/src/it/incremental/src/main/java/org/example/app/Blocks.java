package org.example.app;

import example.shm.CounterBlock;

/** Uses a generated class, so the compile really depends on what generate wrote. */
public final class Blocks {
    private Blocks() {}

    public static long hostBlockSize() {
        return CounterBlock.forHost().byteSize();
    }
}
