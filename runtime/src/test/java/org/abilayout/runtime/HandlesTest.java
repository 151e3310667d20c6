package org.abilayout.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HandlesTest {
    // struct { uint16_t tag; struct { int32_t a; } (anonymous 1); uint32_t ptr; } on a big-endian ILP32 target
    static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("tag"),
            MemoryLayout.paddingLayout(2),
            MemoryLayout.structLayout(ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("a")).withName("(anonymous 1)"),
            ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("ptr"));

    @Test
    void membersAreFoundByPathThroughAnonymousGroupsAndAbsentOnesHaveNoOffset() {
        assertEquals(0, Handles.offset(LAYOUT, "tag"));
        assertEquals(4, Handles.offset(LAYOUT, "(anonymous 1)", "a"));
        assertEquals(8, Handles.offset(LAYOUT, "ptr"));
        assertEquals(-1, Handles.offset(LAYOUT, "m_pad"));
        assertNull(Handles.plain(LAYOUT, Carrier.INT, "m_pad"));
        assertEquals(4, Handles.elementSize(LAYOUT, 0, "ptr"));
    }

    @Test
    void narrowStorageWidensPerSignednessAndRefusesValuesItCannotHold() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(12);
            VarHandle unsigned = Handles.plain(LAYOUT, Carrier.UNSIGNED_LONG, "ptr");
            VarHandle signed = Handles.plain(LAYOUT, Carrier.LONG, "ptr");
            unsigned.set(s, 8L, 0xfffffffeL);
            assertEquals(0xfffffffeL, (long) unsigned.get(s, 8L));
            assertEquals(-2L, (long) signed.get(s, 8L));
            assertEquals((byte) 0xff, s.get(ValueLayout.JAVA_BYTE, 8), "big-endian");
            assertThrows(IllegalArgumentException.class, () -> unsigned.set(s, 8L, 1L << 32));
        }
    }

    @Test
    void plainHandlesIgnoreAlignmentButAtomicOnesNeedIt() {
        MemorySegment heap = MemorySegment.ofArray(new byte[16]);
        VarHandle plain = Handles.plain(LAYOUT, Carrier.INT, "(anonymous 1)", "a");
        plain.set(heap, 1L, 7);
        assertEquals(7, (int) plain.get(heap, 1L));
        var e = assertThrows(MisalignedAtomicException.class, () -> Guards.aligned(heap, 4, 4, "struct s", "a", "x"));
        assertEquals(true, e.getMessage().contains("heap segment"));
    }
}
