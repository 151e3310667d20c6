package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mutex within one process through the low-level API (results, unlock by hand): threads, error
 * checking, recovery from an owner simulated dead. GuardTest covers the guard API on top.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SharedMutexTest {
    private static final StructAbi ABI = MutexAbi.host().mutex();

    private TestFile file;
    private LowLevelMutex mutex;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        file = TestFile.initialized("mutex");
        mutex = file.mutex().lowLevel();
    }

    @AfterEach
    void tearDown() {
        other.shutdownNow();
        file.close();
    }

    private <T> T onOtherThread(java.util.concurrent.Callable<T> task) throws Exception {
        return other.submit(task).get(20, TimeUnit.SECONDS);
    }

    @Test
    void lockThenUnlockLeavesTheLockWordFree() {
        assertEquals(LockResult.ACQUIRED, mutex.lock());
        assertTrue(mutex.isHeldByCurrentThread());
        assertEquals(ProcessHandle.current().pid(), mutex.ownerPid());
        mutex.unlock();
        assertEquals(0, mutex.ownerPid());
        assertFalse(mutex.isHeldByCurrentThread());
    }

    @Test
    void tryLockFailsWhileAnotherThreadHoldsTheLock() throws Exception {
        mutex.lock();
        assertEquals(LockResult.NOT_ACQUIRED, onOtherThread(mutex::tryLock));
        assertEquals(LockResult.NOT_ACQUIRED, onOtherThread(() -> mutex.lock(Duration.ofMillis(120))));
        mutex.unlock();
        assertEquals(LockResult.ACQUIRED, onOtherThread(mutex::tryLock));
    }

    @Test
    void aWaitingThreadGetsTheLockWhenItIsReleased() throws Exception {
        mutex.lock();
        CompletableFuture<LockResult> waiter = CompletableFuture.supplyAsync(() -> {
            LockResult r = mutex.lock();
            mutex.unlock();
            return r;
        }, other);
        Thread.sleep(100);
        assertFalse(waiter.isDone());
        mutex.unlock();
        assertEquals(LockResult.ACQUIRED, waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void unlockByAThreadThatDoesNotHoldTheLockIsRefused() throws Exception {
        assertThrows(IllegalMonitorStateException.class, mutex::unlock);
        mutex.lock();
        var e = onOtherThread(() -> assertThrows(IllegalMonitorStateException.class, mutex::unlock));
        assertTrue(e.getMessage().contains("another thread of this process"), e.getMessage());
        assertTrue(mutex.isHeldByCurrentThread());
        mutex.unlock();
    }

    @Test
    void relockingByTheOwnerIsAnErrorNotADeadlock() {
        mutex.lock();
        assertThrows(IllegalStateException.class, mutex::lock);
        mutex.unlock();
    }

    @Test
    void manyThreadsKeepACounterExact() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        mutex.lock();
                        file.setLong(TestFile.COUNTER, file.getLong(TestFile.COUNTER) + 1);
                        mutex.unlock();
                    }
                }));
            }
            for (var f : futures) f.get(25, TimeUnit.SECONDS);
        }
        assertEquals((long) threads * rounds, file.getLong(TestFile.COUNTER));
    }

    @Test
    void aLockWordNamingADeadProcessIsTakenOverWithOwnerDied() throws Exception {
        setLockWord(deadPid());
        assertEquals(LockResult.OWNER_DIED, mutex.lock(Duration.ofSeconds(5)));
        mutex.markConsistent();
        mutex.unlock();
        assertEquals(LockResult.ACQUIRED, mutex.lock());
        mutex.unlock();
    }

    @Test
    void tryLockAlsoTakesOverFromADeadOwner() throws Exception {
        setLockWord(deadPid() | 0x8000_0000);
        assertEquals(LockResult.OWNER_DIED, mutex.tryLock());
        mutex.markConsistent();
        mutex.unlock();
    }

    @Test
    void unlockingWithoutMarkingConsistentMakesTheMutexNotRecoverable() throws Exception {
        setLockWord(deadPid());
        assertEquals(LockResult.OWNER_DIED, mutex.lock());
        mutex.unlock();
        assertThrows(MutexNotRecoverableException.class, mutex::lock);
        onOtherThread(() -> assertThrows(MutexNotRecoverableException.class, mutex::tryLock));
        assertEquals(0, mutex.ownerPid(), "a refused lock attempt leaves the mutex free");
    }

    @Test
    void aMutexGivenUpStaysNotRecoverableWhenItsNextOwnerDiesToo() throws Exception {
        setLockWord(deadPid());
        mutex.lock();
        mutex.unlock(); // gives up: not recoverable
        setLockWord(deadPid()); // as if a process died while being refused
        assertThrows(MutexNotRecoverableException.class, mutex::lock);
    }

    @Test
    void markConsistentWithoutADeathIsAnError() {
        mutex.lock();
        assertThrows(IllegalStateException.class, mutex::markConsistent);
        mutex.unlock();
    }

    @Test
    void initializeZeroesReservedWordsAndAttachAcceptsTheResult() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(SharedMutex.byteSize(), 64);
            s.fill((byte) 0x5a);
            SharedMutex.initialize(s);
            long[] reserved = ABI.reservedRanges();
            assertTrue(reserved.length > 0);
            for (int i = 0; i < reserved.length; i += 2) {
                for (long b = reserved[i]; b < reserved[i] + reserved[i + 1]; b++) {
                    assertEquals(0, s.get(ValueLayout.JAVA_BYTE, b), "reserved byte " + b);
                }
            }
            assertEquals(LockResult.ACQUIRED, LowLevelMutex.attach(s).lock());
        }
    }

    private void setLockWord(int value) {
        file.segment.set(ValueLayout.JAVA_INT, TestFile.MUTEX + ABI.offset("lock"), value);
    }

    /** The pid of a process that has exited and been reaped (reuse within the test is very unlikely). */
    static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return (int) p.pid();
    }
}
