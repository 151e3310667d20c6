package org.abilayout.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AccessTest {
    // struct { uint16_t tag; struct { int32_t a; } (anonymous 1); uint32_t ptr; } on a big-endian ILP32 target
    static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("tag"),
            MemoryLayout.paddingLayout(2),
            MemoryLayout.structLayout(ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("a")).withName("(anonymous 1)"),
            ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN).withName("ptr"));

    @Test
    void membersAreFoundByPathThroughAnonymousGroupsAndAbsentOnesHaveNoOffset() {
        assertEquals(0, MemberPaths.offset(LAYOUT, "tag"));
        assertEquals(4, MemberPaths.offset(LAYOUT, "(anonymous 1)", "a"));
        assertEquals(8, MemberPaths.offset(LAYOUT, "ptr"));
        assertEquals(-1, MemberPaths.offset(LAYOUT, "m_pad"));
        assertEquals(4, MemberPaths.elementSize(LAYOUT, 0, "ptr"));
        assertEquals(-1, MemberPaths.elementSize(LAYOUT, 0, "m_pad"));
    }

    @Test
    void narrowStorageWidensPerSignednessAndRefusesValuesItCannotHold() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(12);
            Access.setUnsignedLong(s, 8, 4, true, 0xfffffffeL);
            assertEquals(0xfffffffeL, Access.getUnsignedLong(s, 8, 4, true));
            assertEquals(-2L, Access.getLong(s, 8, 4, true));
            assertEquals((byte) 0xff, s.get(ValueLayout.JAVA_BYTE, 8), "big-endian: high byte first");
            Access.setLong(s, 8, 4, true, -1L);
            assertEquals(0xffffffffL, Access.getUnsignedLong(s, 8, 4, true));
            var e = assertThrows(IllegalArgumentException.class, () -> Access.setUnsignedLong(s, 8, 4, true, 1L << 32));
            assertEquals("4294967296 does not fit the 4 bytes this target stores the member in", e.getMessage());
            Access.setUnsignedInt(s, 0, 2, false, 0xfffe);
            assertEquals(0xfffe, Access.getUnsignedInt(s, 0, 2, false));
            assertEquals(-2, Access.getInt(s, 0, 2, false));
        }
    }

    @Test
    void atomicUpdatesOfFourByteStorageWidenLikePlainReads() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(8, 8);
            Access.setReleaseUnsignedLong(s, 4, 4, true, 0xffff_ffffL);
            assertEquals(0xffff_ffffL, Access.getAndAddUnsignedLong(s, 4, 4, true, 1));
            assertEquals(0L, Access.getVolatileUnsignedLong(s, 4, 4, true));
            assertTrue(Access.compareAndSetLong(s, 4, 4, true, 0, -5));
            assertEquals(-5L, Access.getVolatileLong(s, 4, 4, true));
        }
    }

    @Test
    void plainAccessIgnoresAlignmentButAtomicAccessIsGuarded() {
        MemorySegment heap = MemorySegment.ofArray(new byte[16]);
        Access.setInt(heap, 1, 4, false, 7);
        assertEquals(7, Access.getInt(heap, 1, 4, false));
        var e = assertThrows(MisalignedAtomicException.class, () -> Guards.aligned(heap, 4, 4, "struct s", "a", "x"));
        assertTrue(e.getMessage().contains("heap segment"), e.getMessage());
    }
}
