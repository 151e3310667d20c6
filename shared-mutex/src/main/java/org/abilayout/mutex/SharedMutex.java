package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.abilayout.mutex.sys.Waiter;
import org.abilayout.mutex.sys.Word;

/**
 * A mutex in shared memory ({@code struct shared_mutex} of {@code shared_mutex.layout}) that Java
 * and C processes lock together: robust (the death of an owner process is reported to the next
 * owner, see {@link LockResult#OWNER_DIED}), error-checking (only the owning thread unlocks), not
 * recursive. On Linux waiters sleep in the kernel (futex); elsewhere they poll with backoff.
 *
 * <p>The lock word is Drepper's three-state futex mutex ("Futexes Are Tricky", mutex 3) with the
 * "locked" state spelled as the owner's pid: 0 is free, {@code pid} is locked, and
 * {@code pid | WAITERS} is locked with sleepers. Naming the owner in the very CAS that takes the
 * lock is what makes robustness sound: there is no instant at which a process holds the lock
 * without the lock word saying so. A waiter that finds the lock held asks whether the owner process
 * still exists ({@code kill(pid, 0)}) before sleeping, sleeps with a timeout so that it asks again
 * periodically, and takes over a dead owner's lock with a CAS on the exact value it inspected.
 *
 * <p>Instances are cheap views over the segment; any number of them, in any processes, may view
 * the same bytes. The segment must stay mapped while they are in use.
 */
public final class SharedMutex {
    private static final MutexAbi ABI = MutexAbi.host();
    private static final StructAbi STRUCT = ABI.mutex();
    private static final int MAGIC = ABI.constant("SHARED_MUTEX_MAGIC");
    private static final int WAITERS = ABI.constant("SHARED_MUTEX_WAITERS");
    private static final int PID_MASK = ABI.constant("SHARED_MUTEX_PID_MASK");
    private static final int CONSISTENT = ABI.constant("SHARED_MUTEX_CONSISTENT");
    private static final int OWNER_DIED = ABI.constant("SHARED_MUTEX_OWNER_DIED");
    private static final int NOT_RECOVERABLE = ABI.constant("SHARED_MUTEX_NOT_RECOVERABLE");
    /** How often a sleeping waiter wakes to ask whether the owner process still exists. */
    private static final long LIVENESS_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    private static final int PID = checkedPid(ProcessHandle.current().pid());
    // the hot paths use these directly: constant offsets and one VarHandle, which the JIT folds
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long LOCK = STRUCT.offset("lock");
    private static final long OWNER_TID = STRUCT.offset("owner_tid");
    private static final long STATE = STRUCT.offset("state");

    private final MemorySegment segment;
    private final Word lock;
    private final Word ownerTid;
    private final Word state;
    private final Waiter waiter;

    private SharedMutex(MemorySegment segment) {
        this.segment = segment;
        this.lock = new Word(segment, LOCK);
        this.ownerTid = new Word(segment, OWNER_TID);
        this.state = new Word(segment, STATE);
        this.waiter = Waiter.forHost();
    }

    /** {@code sizeof(struct shared_mutex)} on this host; the mutex uses the first this many bytes of its segment. */
    public static long byteSize() {
        return STRUCT.size();
    }

    /**
     * Makes the first {@link #byteSize()} bytes of {@code segment} a fresh, unlocked, consistent
     * mutex of the current layout version (reserved words zeroed). Call it once, before any process
     * attaches; initialising a mutex in use breaks it.
     */
    public static SharedMutex initialize(MemorySegment segment) {
        return new SharedMutex(Instance.initialize(Objects.requireNonNull(segment), STRUCT, MAGIC));
    }

    /**
     * Uses the mutex that another process (Java or C) initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException when the segment holds no mutex, one of the other byte
     *     order, or one initialised by a layout version or with features this library does not know
     */
    public static SharedMutex attach(MemorySegment segment) {
        return new SharedMutex(Instance.attach(Objects.requireNonNull(segment), STRUCT, MAGIC));
    }

    /** Waits as long as it takes. */
    public LockResult lock() {
        return acquire(-1);
    }

    /** Takes the lock if it is free (or its owner is dead), without waiting. */
    public LockResult tryLock() {
        return acquire(0);
    }

    /** Waits at most {@code timeout}; {@link LockResult#NOT_ACQUIRED} when it runs out. */
    public LockResult lock(Duration timeout) {
        return acquire(Math.max(0, timeout.toNanos()));
    }

    /**
     * Releases the lock and wakes one waiter. Unlocking after {@link LockResult#OWNER_DIED} without
     * {@link #markConsistent()} makes the mutex not recoverable and wakes every waiter to tell them.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold the lock
     */
    public void unlock() {
        MemorySegment s = segment;
        if (((int) INT.getVolatile(s, LOCK) & PID_MASK) != PID || (int) INT.getOpaque(s, OWNER_TID) != currentTid()) {
            checkHeldByCurrentThread("unlock"); // throws, with the details
        }
        INT.setOpaque(s, OWNER_TID, 0);
        boolean giveUp = (int) INT.getAcquire(s, STATE) == OWNER_DIED;
        if (giveUp) state.setVolatile(NOT_RECOVERABLE);
        int was = (int) INT.getAndSet(s, LOCK, 0);
        if ((was & WAITERS) != 0) waiter.wake(lock, giveUp ? Waiter.ALL : 1);
    }

    /**
     * Declares the data repaired after {@link LockResult#OWNER_DIED}: the mutex is consistent again.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold the lock
     * @throws IllegalStateException when no owner died (nothing to mark)
     */
    public void markConsistent() {
        checkHeldByCurrentThread("markConsistent");
        if (state.getAcquire() != OWNER_DIED) throw new IllegalStateException("the mutex is not awaiting recovery");
        state.setVolatile(CONSISTENT);
    }

    /** Whether the calling thread holds this lock. */
    public boolean isHeldByCurrentThread() {
        return (lock.getVolatile() & PID_MASK) == PID && ownerTid.getOpaque() == currentTid();
    }

    /** The pid of the process holding the lock, 0 when it is free (a snapshot, for diagnostics). */
    public int ownerPid() {
        return lock.getVolatile() & PID_MASK;
    }

    MemorySegment segment() {
        return segment;
    }

    void checkHeldByCurrentThread(String what) {
        if (!isHeldByCurrentThread()) {
            int owner = ownerPid();
            throw new IllegalMonitorStateException(what + ": the current thread does not hold this mutex ("
                    + (owner == 0 ? "it is free" : owner == PID ? "another thread of this process holds it"
                            : "process " + owner + " holds it") + ")");
        }
    }

    private LockResult acquire(long timeoutNanos) {
        MemorySegment s = segment;
        int c = (int) INT.compareAndExchange(s, LOCK, 0, PID);
        if (c == 0) {
            INT.setOpaque(s, OWNER_TID, currentTid());
            if ((int) INT.getAcquire(s, STATE) == CONSISTENT) return LockResult.ACQUIRED;
            return acquired(false);
        }
        return acquireContended(c, timeoutNanos);
    }

    private LockResult acquireContended(int c, long timeoutNanos) {
        if ((c & PID_MASK) == PID && ownerTid.getOpaque() == currentTid()) {
            throw new IllegalStateException("the current thread already holds this mutex (it is not recursive)");
        }
        long start = System.nanoTime();
        boolean stalled = false;
        while (true) {
            if (c == 0) {
                // Drepper's rule: after sleeping, take the lock as "contended", since others may still sleep
                c = lock.compareAndExchange(0, PID | WAITERS);
                if (c == 0) return acquired(false);
                continue;
            }
            int owner = c & PID_MASK;
            if (owner != PID && !waiter.isAlive(owner, stalled)) {
                // the CAS on the exact word inspected: if the dead owner's lock changed meanwhile
                // (another waiter took it over first), we look again
                int witness = lock.compareAndExchange(c, PID | WAITERS);
                if (witness == c) return acquired(true);
                c = witness;
                continue;
            }
            long left = timeoutNanos < 0 ? LIVENESS_INTERVAL_NANOS : timeoutNanos - (System.nanoTime() - start);
            if (left <= 0) return LockResult.NOT_ACQUIRED;
            if ((c & WAITERS) == 0) {
                int witness = lock.compareAndExchange(c, c | WAITERS);
                if (witness != c) {
                    c = witness;
                    continue;
                }
                c |= WAITERS;
            }
            stalled = !waiter.await(lock, c, Math.min(left, LIVENESS_INTERVAL_NANOS));
            c = lock.getVolatile();
        }
    }

    private LockResult acquired(boolean tookOverFromDeadOwner) {
        ownerTid.setOpaque(currentTid());
        // a dead owner leaves the data suspect, unless an earlier heir already gave up on it
        int s = tookOverFromDeadOwner ? state.compareAndExchange(CONSISTENT, OWNER_DIED) : state.getAcquire();
        if (tookOverFromDeadOwner && s == CONSISTENT) s = OWNER_DIED;
        if (s == CONSISTENT) return LockResult.ACQUIRED;
        if (s == OWNER_DIED) return LockResult.OWNER_DIED; // the previous heir died before repairing
        ownerTid.setOpaque(0);
        int was = lock.getAndSet(0);
        if ((was & WAITERS) != 0) waiter.wake(lock, Waiter.ALL);
        throw new MutexNotRecoverableException("the shared mutex is not recoverable: an owner died holding it and"
                + " the next owner unlocked it without markConsistent(); initialise it again");
    }

    /**
     * The thread's identity within this process. A Java thread id, not the OS tid: a virtual thread
     * may move between carrier threads while it holds the lock.
     */
    static int currentTid() {
        return (int) Thread.currentThread().threadId();
    }

    private static int checkedPid(long pid) {
        if (pid <= 0 || pid > Integer.toUnsignedLong(PID_MASK)) throw new IllegalStateException("pid " + pid + " does not fit the lock word");
        return (int) pid;
    }
}
