package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** attach never misreads: what it does not recognise it refuses, saying why, and leaves untouched. */
class AttachTest {
    private static final StructAbi MUTEX = MutexAbi.host().mutex();
    private static final StructAbi COND = MutexAbi.host().cond();

    private Arena arena;
    private MemorySegment segment;

    @BeforeEach
    void setUp() {
        arena = Arena.ofConfined();
        segment = arena.allocate(256, 64);
    }

    @AfterEach
    void tearDown() {
        arena.close();
    }

    private void setInt(StructAbi abi, String member, int value) {
        segment.set(ValueLayout.JAVA_INT, abi.offset(member), value);
    }

    private String refusal(Runnable attach) {
        byte[] before = segment.toArray(ValueLayout.JAVA_BYTE);
        String message = assertThrows(IncompatibleLayoutException.class, attach::run).getMessage();
        assertTrue(java.util.Arrays.equals(before, segment.toArray(ValueLayout.JAVA_BYTE)), "attach wrote to a refused segment");
        return message;
    }

    @Test
    void attachRefusesAnUninitialisedSegment() {
        String m = refusal(() -> SharedMutex.attach(segment));
        assertTrue(m.contains("initialize it first"), m);
    }

    @Test
    void attachRefusesAWrongMagic() {
        SharedMutex.initialize(segment);
        setInt(MUTEX, "magic", 0xdeadbeef);
        String m = refusal(() -> SharedMutex.attach(segment));
        assertTrue(m.contains("magic is 0xdeadbeef"), m);
    }

    @Test
    void attachRefusesAMutexWhereAConditionIsExpected() {
        SharedMutex.initialize(segment);
        String m = refusal(() -> SharedCondition.attach(segment));
        assertTrue(m.contains("does not hold a struct shared_cond"), m);
    }

    @Test
    void attachRefusesAFutureLayoutVersion() {
        SharedMutex.initialize(segment);
        setInt(MUTEX, "layout_version", MUTEX.version() + 1);
        String m = refusal(() -> SharedMutex.attach(segment));
        assertTrue(m.contains("initialised by layout version " + (MUTEX.version() + 1)), m);
        assertTrue(m.contains("knows versions up to " + MUTEX.version()), m);
    }

    @Test
    void attachRefusesAFutureConditionVersion() {
        SharedCondition.initialize(segment);
        setInt(COND, "layout_version", 7);
        String m = refusal(() -> SharedCondition.attach(segment));
        assertTrue(m.contains("layout version 7"), m);
    }

    @Test
    void attachRefusesASegmentOfTheOtherByteOrder() {
        SharedMutex.initialize(segment);
        setInt(MUTEX, "magic", Integer.reverseBytes(segment.get(ValueLayout.JAVA_INT, MUTEX.offset("magic"))));
        String m = refusal(() -> SharedMutex.attach(segment));
        assertTrue(m.contains("other byte order"), m);
    }

    @Test
    void attachRefusesUnknownFeatureFlags() {
        SharedMutex.initialize(segment);
        setInt(MUTEX, "flags", 0x4);
        String m = refusal(() -> SharedMutex.attach(segment));
        assertTrue(m.contains("feature flags 0x00000004"), m);
    }

    @Test
    void attachRefusesASegmentTooSmallForTheStruct() {
        SharedMutex.initialize(segment);
        String m = refusal(() -> SharedMutex.attach(segment.asSlice(0, SharedMutex.byteSize() - 1)));
        assertTrue(m.contains("cannot hold struct shared_mutex"), m);
    }
}
