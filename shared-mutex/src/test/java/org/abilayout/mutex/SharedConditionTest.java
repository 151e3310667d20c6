package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.abilayout.mutex.layout.MutexAbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The condition within one process, through guards. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SharedConditionTest {
    private TestFile file;
    private SharedMutex mutex;
    private SharedCondition cond;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        file = TestFile.initialized("cond");
        mutex = file.mutex();
        cond = file.notEmpty();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        file.close();
    }

    @Test
    void lowLevelAwaitWithoutHoldingTheMutexIsRefused() {
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(mutex.lowLevel()));
    }

    @Test
    void aTimedAwaitWithoutSignalTimesOutHoldingTheMutexAgain() {
        try (Guard g = mutex.lock()) {
            assertFalse(g.await(cond, Duration.ofMillis(100)));
            assertTrue(g.isHeld());
            assertTrue(mutex.isHeldByCurrentThread());
        }
        assertFalse(mutex.isHeldByCurrentThread());
    }

    @Test
    void signalWakesAWaiterThatSeesThePredicate() throws Exception {
        CompletableFuture<Long> seen = CompletableFuture.supplyAsync(() -> {
            try (Guard g = mutex.lock()) {
                while (file.getLong(TestFile.COUNTER) == 0) g.await(cond);
                return file.getLong(TestFile.COUNTER);
            }
        }, pool);
        Thread.sleep(50);
        try (Guard g = mutex.lock()) {
            file.setLong(TestFile.COUNTER, 42);
            cond.signal();
        }
        assertEquals(42L, seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void signalAllWakesEveryWaiter() throws Exception {
        int n = 5;
        CountDownLatch waiting = new CountDownLatch(n);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(CompletableFuture.runAsync(() -> {
                try (Guard g = mutex.lock()) {
                    waiting.countDown();
                    while (file.getLong(TestFile.COUNTER) == 0) g.await(cond);
                }
            }, pool));
        }
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        try (Guard g = mutex.lock()) {
            file.setLong(TestFile.COUNTER, 1);
            cond.signalAll();
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAwaitWhoseRelockInheritsADeadOwnersLockReportsItOnTheGuard() throws Exception {
        Guard g = mutex.lock();
        // while this thread sleeps in await, the lock word is made to name a dead process
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                int dead = SharedMutexTest.deadPid();
                LowLevelMutex low = mutex.lowLevel();
                low.lock();
                file.segment.set(ValueLayout.JAVA_INT, TestFile.MUTEX + MutexAbi.host().mutex().offset("lock"), dead);
                cond.signal();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, pool);
        assertTrue(g.await(cond, Duration.ofSeconds(10)));
        assertTrue(g.ownerDied(), "the relock inherited a dead owner's lock");
        assertThrows(IllegalStateException.class, () -> g.await(cond), "waiting on an unhandled death would give it up");
        g.markConsistent();
        g.close();
        killer.get(10, TimeUnit.SECONDS);
        try (Guard again = mutex.lock()) {
            assertFalse(again.ownerDied());
        }
    }

    @Test
    void aTimedAwaitWhoseRelockOutlivesTheDeadlineLeavesTheGuardNotHeld() throws Exception {
        Guard g = mutex.lock();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another thread takes the mutex as soon as the waiter releases it, signals, and holds on
        // until the waiter has given up
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Guard h = mutex.lock()) {
                cond.signal();
                taken.countDown();
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, pool);
        assertThrows(DeadlineExceededException.class, () -> g.await(cond, Duration.ofMillis(500)));
        assertFalse(g.isHeld());
        g.close(); // does nothing: the guard holds nothing
        assertTrue(taken.await(1, TimeUnit.SECONDS));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertEquals(0, mutex.ownerPid());
    }
}
