package org.abilayout.mutex;

import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_CONSISTENT;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_MAGIC;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_NOT_RECOVERABLE;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_DIED;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_PID_MASK;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_WAITERS;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.abilayout.mutex.abi.SharedMutex.Host;
import org.abilayout.mutex.sys.Liveness;
import org.abilayout.mutex.sys.ProcessIdentity;
import org.abilayout.mutex.sys.Waiter;
import org.abilayout.mutex.sys.Word;

/**
 * The low-level API of the shared mutex, as C has it: lock operations return a
 * {@link LockResult}, and the caller must unlock, and must handle {@link LockResult#OWNER_DIED}
 * by {@link #markConsistent()} or {@link #markNotRecoverable()} before unlocking. Easy to get
 * wrong; {@link SharedMutex} (guards for try-with-resources) is the API to use unless a lock must
 * be released on another path than the one that took it. Both views work on the same bytes.
 *
 * <p>The lock word is Drepper's three-state futex mutex ("Futexes Are Tricky", mutex 3) with the
 * "locked" state spelled as the owner's identity: 0 is free, {@code owner} is locked, and
 * {@code owner | WAITERS} is locked with sleepers. In a version-2 instance the owner word is the
 * pid and a 9-bit tag of the process start time, and {@code owner_start} beside it holds the
 * start time's low 32 bits; in a version-1 instance it is the bare pid. Naming the owner in the
 * very CAS that takes the lock is what makes robustness sound: there is no instant at which a
 * process holds the lock without the lock word saying so. A waiter asks whether the owner lives
 * ({@link Liveness}) before sleeping, sleeps at most 50 ms so that it asks again, asks the
 * thorough question (zombies, start times) when a sleep made no progress and before giving up
 * (so a try-lock asks it at once), and takes over a dead owner's lock with a CAS on the exact
 * value it inspected.
 *
 * <p>Every access to the struct goes through the accessors generated from the spec
 * ({@code org.abilayout.mutex.abi.SharedMutex.Host}). Instances are cheap views; any number of
 * them, in any processes, may view the same bytes while the segment stays mapped.
 */
public final class LowLevelMutex {
    private static final int WAITERS = SHARED_MUTEX_WAITERS;
    private static final int OWNER_BITS = ~SHARED_MUTEX_WAITERS;
    private static final int CONSISTENT = SHARED_MUTEX_CONSISTENT;
    private static final int OWNER_DIED = SHARED_MUTEX_OWNER_DIED;
    private static final int NOT_RECOVERABLE = SHARED_MUTEX_NOT_RECOVERABLE;
    /** How often a sleeping waiter wakes to ask whether the owner process still exists. */
    private static final long LIVENESS_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    private static final ProcessIdentity SELF = ProcessIdentity.current();
    private static final long LOCK_OFFSET = Host.layout().byteOffset(PathElement.groupElement("lock"));
    static final Instance INSTANCE = new Instance("shared_mutex", Host.byteSize(), Host.layout().byteAlignment(),
            org.abilayout.mutex.abi.SharedMutex.CURRENT_VERSION, SHARED_MUTEX_MAGIC, Host::magic_getVolatile,
            Host::layout_version, Host::flags, Host::magic_setRelease, Host::layout_version);

    private final MemorySegment segment;
    /** The lock word as the futex sees it: an address. */
    private final Word lockWord;
    private final Waiter waiter;
    /** What this process writes into the lock word: pid and tag, or (version 1) the pid. */
    private final int me;
    /** Whether this process keeps owner_start (version 2, with a known start time). */
    private final boolean recordsStart;

    private LowLevelMutex(MemorySegment segment, int layoutVersion) {
        this.segment = segment;
        this.lockWord = new Word(segment, LOCK_OFFSET);
        this.waiter = Waiter.forHost();
        this.me = SELF.ownerWord(layoutVersion);
        this.recordsStart = me != SELF.pid();
    }

    /** {@code sizeof(struct shared_mutex)} on this host; the mutex uses the first this many bytes of its segment. */
    public static long byteSize() {
        return Host.byteSize();
    }

    /** {@code _Alignof(struct shared_mutex)} on this host (64 on every target: a cache line of its own). */
    public static long byteAlignment() {
        return Host.layout().byteAlignment();
    }

    /** As {@link SharedMutex#initialize}. */
    public static LowLevelMutex initialize(MemorySegment segment) {
        MemorySegment s = INSTANCE.initialize(Objects.requireNonNull(segment), m -> Host.pid_ns(m, SELF.pidNamespace()));
        return new LowLevelMutex(s, Host.layout_version(s));
    }

    /** As {@link SharedMutex#attach}. */
    public static LowLevelMutex attach(MemorySegment segment) {
        MemorySegment s = INSTANCE.attach(Objects.requireNonNull(segment));
        int version = Host.layout_version(s);
        checkNamespace("struct shared_mutex", version >= 2 ? Host.pid_ns(s) : 0);
        return new LowLevelMutex(s, version);
    }

    /** Refuses an instance initialised in another pid namespace ({@code ns}; 0: unknown). */
    static void checkNamespace(String what, int ns) {
        int mine = SELF.pidNamespace();
        if (ns != 0 && mine != 0 && ns != mine) {
            throw new UnsupportedPidNamespaceException(what + " was initialised in pid namespace " + Integer.toUnsignedString(ns)
                    + ", this process lives in " + Integer.toUnsignedString(mine)
                    + ": the pids in its lock words would name other processes here, so it cannot be shared");
        }
    }

    /** The pid namespace this process writes into the instances it initialises. */
    static int pidNamespace() {
        return SELF.pidNamespace();
    }

    /**
     * A region's init_lock: zero bytes, never initialised (no magic). Whoever takes it first
     * writes the layout version it locks by (every caller writes the same value), so that its
     * owner words carry start times.
     */
    static LowLevelMutex initLock(MemorySegment segment) {
        MemorySegment s = INSTANCE.slice(segment);
        if (Host.layout_version(s) == 0) Host.layout_version(s, org.abilayout.mutex.abi.SharedMutex.CURRENT_VERSION);
        return new LowLevelMutex(s, Host.layout_version(s));
    }

    /** Waits as long as it takes. @throws MutexNotRecoverableException without the lock */
    public LockResult lock() {
        MemorySegment s = segment;
        if (Host.lock_compareAndSet(s, 0, me)) {
            Host.owner_tid_setRelease(s, currentTid());
            if (recordsStart) Host.owner_start_setRelease(s, SELF.start());
            if (Host.state_getVolatile(s) == CONSISTENT) return LockResult.ACQUIRED;
            return acquired(false);
        }
        return acquireContended(s, Deadline.FOREVER);
    }

    /** Takes the lock if it is free or its owner is dead (a zombie too), without waiting. */
    public LockResult tryLock() {
        return acquire(Deadline.now());
    }

    /** Waits at most {@code timeout}; {@link LockResult#NOT_ACQUIRED} when it runs out (zero or less: try once). */
    public LockResult lock(Duration timeout) {
        return acquire(Deadline.after(timeout));
    }

    /**
     * Waits until {@code deadline} at the latest, as the wall clock reads it when the call starts
     * (the wait itself runs on {@link System#nanoTime()}); a deadline already passed tries once.
     */
    public LockResult lock(Instant deadline) {
        return acquire(Deadline.at(deadline));
    }

    /**
     * Releases the lock and wakes one waiter. Unlocking after {@link LockResult#OWNER_DIED}
     * without {@link #markConsistent()} makes the mutex not recoverable and wakes every waiter.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold the lock
     */
    public void unlock() {
        MemorySegment s = segment;
        if ((Host.lock_getVolatile(s) & OWNER_BITS) != me || Host.owner_tid(s) != currentTid()) {
            checkHeldByCurrentThread("unlock"); // throws, with the details
        }
        int state = Host.state_getVolatile(s);
        if (state == CONSISTENT) {
            release(s, 1);
            return;
        }
        if (state == OWNER_DIED) Host.state_setRelease(s, NOT_RECOVERABLE);
        release(s, Waiter.ALL);
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

    /**
     * Gives up after {@link LockResult#OWNER_DIED}: the mutex is not recoverable from now on, and
     * the next unlock wakes every waiter to tell them.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold the lock
     * @throws IllegalStateException when no owner died
     */
    public void markNotRecoverable() {
        checkHeldByCurrentThread("markNotRecoverable");
        if (!Host.state_compareAndSet(segment, OWNER_DIED, NOT_RECOVERABLE)) {
            throw new IllegalStateException("the mutex is not awaiting recovery");
        }
    }

    /** Whether the calling thread holds this lock. */
    public boolean isHeldByCurrentThread() {
        return (Host.lock_getVolatile(segment) & OWNER_BITS) == me && Host.owner_tid_getVolatile(segment) == currentTid();
    }

    /** The pid of the process holding the lock, 0 when it is free (a snapshot, for diagnostics). */
    public int ownerPid() {
        return Host.lock_getVolatile(segment) & SHARED_MUTEX_OWNER_PID_MASK;
    }

    void checkHeldByCurrentThread(String what) {
        if (!isHeldByCurrentThread()) {
            int owner = ownerPid();
            throw new IllegalMonitorStateException(what + ": the current thread does not hold this mutex ("
                    + (owner == 0 ? "it is free" : owner == SELF.pid() ? "another thread of this process holds it"
                            : "process " + owner + " holds it") + ")");
        }
    }

    LockResult acquire(Deadline deadline) {
        MemorySegment s = segment;
        if (Host.lock_compareAndSet(s, 0, me)) return acquired(false);
        return acquireContended(s, deadline);
    }

    private LockResult acquireContended(MemorySegment s, Deadline deadline) {
        int c = Host.lock_getVolatile(s);
        if ((c & OWNER_BITS) == me && Host.owner_tid_getVolatile(s) == currentTid()) {
            throw new IllegalStateException("the current thread already holds this mutex (it is not recursive)");
        }
        boolean stalled = false;
        while (true) {
            if (c == 0) {
                // Drepper's rule: after sleeping, take the lock as "contended", since others may still sleep
                if (Host.lock_compareAndSet(s, 0, me | WAITERS)) return acquired(false);
                c = Host.lock_getVolatile(s);
                continue;
            }
            long left = deadline.leftNanos();
            // owner_start of a version-1 instance is a reserved word: zero
            int start = recordsStart ? Host.owner_start_getVolatile(s) : 0;
            int again = Host.lock_getVolatile(s);
            if (again != c) { // owner_start may belong to another owner: look again
                c = again;
                continue;
            }
            if (!Liveness.ownerAlive(waiter, SELF, c, start, stalled || left <= 0)) {
                // the CAS on the exact word inspected: if the dead owner's lock changed meanwhile
                // (another waiter took it over first), we look again
                if (Host.lock_compareAndSet(s, c, me | WAITERS)) return acquired(true);
                c = Host.lock_getVolatile(s);
                continue;
            }
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

    /** The caller's CAS named it in the lock word: finish taking the lock. */
    private LockResult acquired(boolean tookOverFromDeadOwner) {
        MemorySegment s = segment;
        Host.owner_tid_setRelease(s, currentTid());
        // a waiter that reads 0 here while the word names us falls back to the tag
        if (recordsStart) Host.owner_start_setRelease(s, SELF.start());
        // a dead owner leaves the data suspect, unless an earlier heir already gave up on it
        if (tookOverFromDeadOwner) Host.state_compareAndSet(s, CONSISTENT, OWNER_DIED);
        int state = Host.state_getVolatile(s);
        if (state == CONSISTENT) return LockResult.ACQUIRED;
        if (state == OWNER_DIED) return LockResult.OWNER_DIED; // this heir, or an earlier one that died too
        release(s, Waiter.ALL);
        throw new MutexNotRecoverableException("the shared mutex is not recoverable: an owner died holding it and"
                + " the next owner gave up on it instead of marking it consistent; initialise it again");
    }

    /** For regions: an init_lock is consistent whatever happened, since its holder rewrites everything. */
    void releaseInitLock() {
        Host.state_setRelease(segment, CONSISTENT);
        release(segment, 1);
    }

    /**
     * For a {@link Guard} of the calling thread that saw no owner death and gave nothing up: the
     * state is consistent, and the guard's thread and held flag stand for the ownership checks of
     * {@link #unlock()}.
     */
    void unlockConsistent() {
        release(segment, 1);
    }

    /** Clears the owner, then the lock word; wakes {@code count} sleepers if there are any. */
    private void release(MemorySegment s, int count) {
        Host.owner_tid_setRelease(s, 0);
        if (recordsStart) Host.owner_start_setRelease(s, 0);
        if (Host.lock_compareAndSet(s, me, 0)) return; // no waiters: the common case
        // an exchange, as a CAS loop on the generated accessors
        int was;
        do {
            was = Host.lock_getVolatile(s);
            if ((was & OWNER_BITS) != me) throw new IllegalMonitorStateException("the lock word no longer names this process");
        } while (!Host.lock_compareAndSet(s, was, 0));
        if ((was & WAITERS) != 0) waiter.wake(lockWord, count);
    }

    /**
     * The thread's identity within this process. A Java thread id, not the OS tid: a virtual thread
     * may move between carrier threads while it holds the lock.
     */
    static int currentTid() {
        return (int) Thread.currentThread().threadId();
    }
}
