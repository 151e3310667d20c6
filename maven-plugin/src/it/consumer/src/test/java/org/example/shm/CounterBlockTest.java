package org.example.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accessors generated from src/main/layout/counter.layout, used the way a consumer would. */
class CounterBlockTest {

    @Test
    void writesThroughOneMappingAndReadsThroughAnother(@TempDir Path dir) throws IOException {
        CounterBlock layout = CounterBlock.forHost();
        Path file = dir.resolve("block");
        try (Arena arena = Arena.ofConfined();
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment writer = ch.map(FileChannel.MapMode.READ_WRITE, 0, layout.byteSize(), arena);
            layout.magic(writer, 0xab1a);
            layout.count(writer, 41L);
            // count is volatile: atomic accessors, on the mapping's page-aligned address
            assertEquals(41L, layout.count_getAndAdd(writer, 1L));
            writer.force();
        }
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment reader = ch.map(FileChannel.MapMode.READ_ONLY, 0, layout.byteSize(), arena);
            assertEquals(0xab1a, layout.magic(reader));
            assertEquals(42L, layout.count(reader));
            assertEquals(42L, layout.count_getVolatile(reader));
        }
    }

    @Test
    void layoutOfANamedTargetIsTheCOne() {
        // uint32_t, uint32_t, int64_t at 8, uint32_t[4] at 16: 32 bytes on x86_64 and on i386
        // (i386 aligns int64_t to 4 in structs, but 8 is a multiple of 4 anyway)
        assertEquals(32, CounterBlock.forTarget("x86_64-linux-gnu").byteSize());
        assertEquals(32, CounterBlock.forTarget("i386-linux-gnu").byteSize());
    }
}
