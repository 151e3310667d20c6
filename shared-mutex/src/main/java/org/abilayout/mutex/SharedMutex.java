package org.abilayout.mutex;

import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_CONSISTENT;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_MAGIC;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_NOT_RECOVERABLE;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_DIED;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_PID_MASK;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_WAITERS;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import org.abilayout.mutex.abi.SharedMutex.Host;
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
 * <p>Every access to the struct goes through the accessors generated from the spec
 * ({@code org.abilayout.mutex.abi.SharedMutex.Host}); instances are cheap views over the segment,
 * and any number of them, in any processes, may view the same bytes. The segment must stay mapped
 * while they are in use.
 */
public final class SharedMutex {
    private static final int WAITERS = SHARED_MUTEX_WAITERS;
    private static final int PID_MASK = SHARED_MUTEX_PID_MASK;
    private static final int CONSISTENT = SHARED_MUTEX_CONSISTENT;
    private static final int OWNER_DIED = SHARED_MUTEX_OWNER_DIED;
    private static final int NOT_RECOVERABLE = SHARED_MUTEX_NOT_RECOVERABLE;
    /** How often a sleeping waiter wakes to ask whether the owner process still exists. */
    private static final long LIVENESS_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    private static final int PID = checkedPid(ProcessHandle.current().pid());
    private static final long LOCK_OFFSET = Host.layout().byteOffset(PathElement.groupElement("lock"));
    private static final Instance INSTANCE = new Instance("shared_mutex", Host.byteSize(), Host.layout().byteAlignment(),
            org.abilayout.mutex.abi.SharedMutex.CURRENT_VERSION, SHARED_MUTEX_MAGIC, Host::magic_getVolatile,
            Host::layout_version, Host::flags, Host::magic_setRelease, Host::layout_version);

    private final MemorySegment segment;
    /** The lock word as the futex sees it: an address. */
    private final Word lockWord;
    private final Waiter waiter;

    private SharedMutex(MemorySegment segment) {
        this.segment = segment;
        this.lockWord = new Word(segment, LOCK_OFFSET);
        this.waiter = Waiter.forHost();
    }

    /** {@code sizeof(struct shared_mutex)} on this host; the mutex uses the first this many bytes of its segment. */
    public static long byteSize() {
        return Host.byteSize();
    }

    /**
     * Makes the first {@link #byteSize()} bytes of {@code segment} a fresh, unlocked, consistent
     * mutex of the current layout version (reserved words zeroed). Call it once, before any process
     * attaches; initialising a mutex in use breaks it.
     */
    public static SharedMutex initialize(MemorySegment segment) {
        return new SharedMutex(INSTANCE.initialize(Objects.requireNonNull(segment)));
    }

    /**
     * Uses the mutex that another process (Java or C) initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException when the segment holds no mutex, one of the other byte
     *     order, or one initialised by a layout version or with features this library does not know
     */
    public static SharedMutex attach(MemorySegment segment) {
        return new SharedMutex(INSTANCE.attach(Objects.requireNonNull(segment)));
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
        if ((Host.lock_getVolatile(s) & PID_MASK) != PID || Host.owner_tid(s) != currentTid()) {
            checkHeldByCurrentThread("unlock"); // throws, with the details
        }
        Host.owner_tid_setRelease(s, 0);
        boolean giveUp = Host.state_getVolatile(s) == OWNER_DIED;
        if (giveUp) Host.state_setRelease(s, NOT_RECOVERABLE);
        int was = release(s);
        if ((was & WAITERS) != 0) waiter.wake(lockWord, giveUp ? Waiter.ALL : 1);
    }

    /**
     * Declares the data repaired after {@link LockResult#OWNER_DIED}: the mutex is consistent again.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold the lock
     * @throws IllegalStateException when no owner died (nothing to mark)
     */
    public void markConsistent() {
        checkHeldByCurrentThread("markConsistent");
        if (!Host.state_compareAndSet(segment, OWNER_DIED, CONSISTENT)) {
            throw new IllegalStateException("the mutex is not awaiting recovery");
        }
    }

    /** Whether the calling thread holds this lock. */
    public boolean isHeldByCurrentThread() {
        return (Host.lock_getVolatile(segment) & PID_MASK) == PID && Host.owner_tid_getVolatile(segment) == currentTid();
    }

    /** The pid of the process holding the lock, 0 when it is free (a snapshot, for diagnostics). */
    public int ownerPid() {
        return Host.lock_getVolatile(segment) & PID_MASK;
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
        if (Host.lock_compareAndSet(s, 0, PID)) {
            Host.owner_tid_setRelease(s, currentTid());
            if (Host.state_getVolatile(s) == CONSISTENT) return LockResult.ACQUIRED;
            return acquired(false);
        }
        return acquireContended(s, timeoutNanos);
    }

    private LockResult acquireContended(MemorySegment s, long timeoutNanos) {
        int c = Host.lock_getVolatile(s);
        if ((c & PID_MASK) == PID && Host.owner_tid_getVolatile(s) == currentTid()) {
            throw new IllegalStateException("the current thread already holds this mutex (it is not recursive)");
        }
        long start = System.nanoTime();
        boolean stalled = false;
        while (true) {
            if (c == 0) {
                // Drepper's rule: after sleeping, take the lock as "contended", since others may still sleep
                if (Host.lock_compareAndSet(s, 0, PID | WAITERS)) return acquired(false);
                c = Host.lock_getVolatile(s);
                continue;
            }
            int owner = c & PID_MASK;
            if (owner != PID && !waiter.isAlive(owner, stalled)) {
                // the CAS on the exact word inspected: if the dead owner's lock changed meanwhile
                // (another waiter took it over first), we look again
                if (Host.lock_compareAndSet(s, c, PID | WAITERS)) return acquired(true);
                c = Host.lock_getVolatile(s);
                continue;
            }
            long left = timeoutNanos < 0 ? LIVENESS_INTERVAL_NANOS : timeoutNanos - (System.nanoTime() - start);
            if (left <= 0) return LockResult.NOT_ACQUIRED;
            if ((c & WAITERS) == 0) {
                if (!Host.lock_compareAndSet(s, c, c | WAITERS)) {
                    c = Host.lock_getVolatile(s);
                    continue;
                }
                c |= WAITERS;
            }
            stalled = !waiter.await(lockWord, c, Math.min(left, LIVENESS_INTERVAL_NANOS));
            c = Host.lock_getVolatile(s);
        }
    }

    private LockResult acquired(boolean tookOverFromDeadOwner) {
        MemorySegment s = segment;
        Host.owner_tid_setRelease(s, currentTid());
        // a dead owner leaves the data suspect, unless an earlier heir already gave up on it
        if (tookOverFromDeadOwner) Host.state_compareAndSet(s, CONSISTENT, OWNER_DIED);
        int state = Host.state_getVolatile(s);
        if (state == CONSISTENT) return LockResult.ACQUIRED;
        if (state == OWNER_DIED) return LockResult.OWNER_DIED; // this heir, or an earlier one that died too
        Host.owner_tid_setRelease(s, 0);
        if ((release(s) & WAITERS) != 0) waiter.wake(lockWord, Waiter.ALL);
        throw new MutexNotRecoverableException("the shared mutex is not recoverable: an owner died holding it and"
                + " the next owner unlocked it without markConsistent(); initialise it again");
    }

    /** Sets the lock word to 0 and returns what it was (an exchange, as a CAS loop on the generated accessors). */
    private static int release(MemorySegment s) {
        int was;
        do {
            was = Host.lock_getVolatile(s);
        } while (!Host.lock_compareAndSet(s, was, 0));
        return was;
    }

    /**
     * The thread's identity within this process. A Java thread id, not the OS tid: a virtual thread
     * may move between carrier threads while it holds the lock.
     */
    static int currentTid() {
        return (int) Thread.currentThread().threadId();
    }

    private static int checkedPid(long pid) {
        if (pid <= 0 || pid > Integer.toUnsignedLong(SHARED_MUTEX_PID_MASK)) {
            throw new IllegalStateException("pid " + pid + " does not fit the lock word");
        }
        return (int) pid;
    }
}
