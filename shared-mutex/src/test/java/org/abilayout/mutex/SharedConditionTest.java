package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The condition within one process. */
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
    void awaitWithoutHoldingTheMutexIsRefused() {
        assertThrows(IllegalMonitorStateException.class, () -> cond.await(mutex));
    }

    @Test
    void aTimedAwaitWithoutSignalTimesOutHoldingTheMutexAgain() {
        mutex.lock();
        long t0 = System.nanoTime();
        assertFalse(cond.await(mutex, Duration.ofMillis(100)));
        assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        assertTrue(mutex.isHeldByCurrentThread());
        mutex.unlock();
    }

    @Test
    void signalWakesAWaiterThatSeesThePredicate() throws Exception {
        CompletableFuture<Long> seen = CompletableFuture.supplyAsync(() -> {
            mutex.lock();
            try {
                while (file.getLong(TestFile.COUNTER) == 0) cond.await(mutex);
                return file.getLong(TestFile.COUNTER);
            } finally {
                mutex.unlock();
            }
        }, pool);
        Thread.sleep(50);
        mutex.lock();
        file.setLong(TestFile.COUNTER, 42);
        cond.signal();
        mutex.unlock();
        assertEquals(42L, seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void signalAllWakesEveryWaiter() throws Exception {
        int n = 5;
        CountDownLatch waiting = new CountDownLatch(n);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(CompletableFuture.runAsync(() -> {
                mutex.lock();
                try {
                    waiting.countDown();
                    while (file.getLong(TestFile.COUNTER) == 0) cond.await(mutex);
                } finally {
                    mutex.unlock();
                }
            }, pool));
        }
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        mutex.lock();
        file.setLong(TestFile.COUNTER, 1);
        cond.signalAll();
        mutex.unlock();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void awaitAfterTheOwnerDiedReportsItWithTheMutexHeld() throws Exception {
        mutex.lock();
        // while this thread sleeps in await, the lock word is made to name a dead process
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                int dead = SharedMutexTest.deadPid();
                mutex.lock();
                file.segment.set(java.lang.foreign.ValueLayout.JAVA_INT,
                        TestFile.MUTEX + org.abilayout.mutex.layout.MutexAbi.host().mutex().offset("lock"), dead);
                cond.signal();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, pool);
        assertThrows(OwnerDiedException.class, () -> cond.await(mutex, Duration.ofSeconds(10)));
        assertTrue(mutex.isHeldByCurrentThread());
        mutex.markConsistent();
        mutex.unlock();
        killer.get(10, TimeUnit.SECONDS);
    }
}
