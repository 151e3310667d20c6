package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.abilayout.mutex.layout.MutexAbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The guard API: the right thing is the easy thing, and owner death is reported one way. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GuardTest {
    private TestFile file;
    private SharedMutex mutex;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        file = TestFile.initialized("guard");
        mutex = file.mutex();
    }

    @AfterEach
    void tearDown() {
        other.shutdownNow();
        file.close();
    }

    private void makeOwnerDead() throws Exception {
        file.segment.set(ValueLayout.JAVA_INT, TestFile.MUTEX + MutexAbi.host().mutex().offset("lock"), SharedMutexTest.deadPid());
    }

    @Test
    void closingTheGuardUnlocks() {
        try (Guard g = mutex.lock()) {
            assertTrue(g.isHeld());
            assertFalse(g.ownerDied());
            assertTrue(mutex.isHeldByCurrentThread());
        }
        assertEquals(0, mutex.ownerPid());
    }

    @Test
    void everyWayOfAcquiringReportsOwnerDeathOnTheGuard() throws Exception {
        makeOwnerDead();
        try (Guard g = mutex.lock()) {
            assertTrue(g.ownerDied());
            g.markConsistent();
        }
        makeOwnerDead();
        try (Guard g = mutex.tryLock().orElseThrow()) {
            assertTrue(g.ownerDied());
            g.markConsistent();
        }
        makeOwnerDead();
        try (Guard g = mutex.lock(Duration.ofSeconds(5)).orElseThrow()) {
            assertTrue(g.ownerDied());
            g.markConsistent();
        }
        makeOwnerDead();
        try (Guard g = mutex.lock(Instant.now().plusSeconds(5)).orElseThrow()) {
            assertTrue(g.ownerDied());
            g.markConsistent();
        }
        // (the relock inside await: SharedConditionTest)
    }

    @Test
    void closingAGuardWithAnUnhandledOwnerDeathThrowsAndGivesTheMutexUp() throws Exception {
        makeOwnerDead();
        Guard g = mutex.lock();
        assertThrows(UnhandledOwnerDeathException.class, g::close);
        assertFalse(g.isHeld());
        assertEquals(0, mutex.ownerPid(), "released all the same");
        assertThrows(MutexNotRecoverableException.class, mutex::lock);
        assertThrows(MutexNotRecoverableException.class, mutex::tryLock);
    }

    @Test
    void repairIfOwnerDiedRepairsAndMarksConsistent() throws Exception {
        makeOwnerDead();
        int[] repairs = {0};
        try (Guard g = mutex.lock()) {
            g.repairIfOwnerDied(() -> repairs[0]++);
            assertFalse(g.ownerDied());
        }
        try (Guard g = mutex.lock()) {
            g.repairIfOwnerDied(() -> repairs[0]++);
        }
        assertEquals(1, repairs[0], "repaired once, after the death only");
    }

    @Test
    void aRepairThatThrowsGivesTheMutexUp() throws Exception {
        makeOwnerDead();
        try (Guard g = mutex.lock()) {
            assertThrows(IllegalArgumentException.class, () -> g.repairIfOwnerDied(() -> {
                throw new IllegalArgumentException("cannot repair");
            }));
            assertFalse(g.ownerDied(), "handled: given up");
        }
        assertThrows(MutexNotRecoverableException.class, mutex::lock);
    }

    @Test
    void markNotRecoverableGivesUpWithoutAnException() throws Exception {
        makeOwnerDead();
        try (Guard g = mutex.lock()) {
            g.markNotRecoverable();
        }
        assertThrows(MutexNotRecoverableException.class, () -> mutex.lock(Duration.ofSeconds(1)));
    }

    @Test
    void markingWithoutADeathIsRefused() {
        try (Guard g = mutex.lock()) {
            assertThrows(IllegalStateException.class, g::markConsistent);
            assertThrows(IllegalStateException.class, g::markNotRecoverable);
        }
        try (Guard g = mutex.lock()) {
            assertFalse(g.ownerDied(), "the refused marks changed nothing");
        }
    }

    @Test
    void aBusyMutexGivesNoGuard() throws Exception {
        try (Guard g = mutex.lock()) {
            assertEquals(Optional.empty(), other.submit(() -> mutex.tryLock()).get(10, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), other.submit(() -> mutex.lock(Duration.ofMillis(50))).get(10, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), other.submit(() -> mutex.lock(Instant.now().minusSeconds(1))).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aGuardClosedTwiceUnlocksOnce() {
        Guard g = mutex.lock();
        g.close();
        try (Guard h = mutex.lock()) {
            g.close(); // must not release h's lock
            assertTrue(mutex.isHeldByCurrentThread());
        }
    }

    @Test
    void onlyTheThreadThatLockedMayCloseTheGuard() throws Exception {
        try (Guard g = mutex.lock()) {
            var e = other.submit(() -> assertThrows(IllegalMonitorStateException.class, g::close)).get(10, TimeUnit.SECONDS);
            assertTrue(e.getMessage().contains("belongs to"), e.getMessage());
            assertTrue(g.isHeld());
            assertTrue(mutex.isHeldByCurrentThread());
        }
        assertEquals(0, mutex.ownerPid());
    }

    @Test
    void aClosedGuardRefusesToAwait() {
        Guard g = mutex.lock();
        g.close();
        assertThrows(IllegalStateException.class, () -> g.await(file.notEmpty()));
    }

    @Test
    void theAlignmentAccessorsSayWhereAStructMayStart() {
        assertEquals(MutexAbi.host().mutex().align(), SharedMutex.byteAlignment());
        assertEquals(MutexAbi.host().cond().align(), SharedCondition.byteAlignment());
        assertEquals(SharedMutex.byteAlignment(), LowLevelMutex.byteAlignment());
    }
}
