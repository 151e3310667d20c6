package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A mutex in shared memory ({@code struct shared_mutex} of {@code shared_mutex.layout}) that Java
 * and C processes lock together: robust (the death of an owner process is reported to the next
 * owner), error-checking (only the owning thread unlocks), not recursive. On Linux waiters sleep
 * in the kernel (futex); elsewhere they poll with backoff.
 *
 * <p>Acquiring returns a {@link Guard} for try-with-resources:
 *
 * <pre>{@code
 * try (Guard g = mutex.lock()) {
 *     g.repairIfOwnerDied(() -> repair(data));   // the one place owner death is reported
 *     while (!ready(data)) g.await(condition);
 *     update(data);
 * }
 * }</pre>
 *
 * A guard whose {@link Guard#ownerDied()} is true must be handled ({@link Guard#markConsistent()}
 * after repairing, or {@link Guard#markNotRecoverable()}) before it closes: closing it unhandled
 * throws {@link UnhandledOwnerDeathException}. Every way of acquiring (lock, timed lock, try-lock,
 * the relock inside an await) reports owner death the same way, through the guard.
 *
 * <p>{@link #lowLevel()} gives the same mutex as C has it ({@link LowLevelMutex}: results to
 * check, unlock by hand), for code that must release on another path than the one that locked.
 *
 * <p>Place a mutex on a {@link #byteAlignment()} boundary in a shared mapping ({@link SharedRegion}
 * and {@link RegionLayout} do it for you). Instances are cheap views over the segment; any number
 * of them, in any processes, may view the same bytes while the segment stays mapped. Identity of
 * owners, pid reuse, zombies and pid namespaces: see {@link LowLevelMutex} and docs/shared-mutex.md.
 */
public final class SharedMutex {
    private final LowLevelMutex low;

    private SharedMutex(LowLevelMutex low) {
        this.low = low;
    }

    /** {@code sizeof(struct shared_mutex)} on this host; the mutex uses the first this many bytes of its segment. */
    public static long byteSize() {
        return LowLevelMutex.byteSize();
    }

    /** {@code _Alignof(struct shared_mutex)} on this host: where a mutex may start (64 on every target). */
    public static long byteAlignment() {
        return LowLevelMutex.byteAlignment();
    }

    /**
     * Makes the first {@link #byteSize()} bytes of {@code segment} a fresh, unlocked, consistent
     * mutex of the current layout version, owned by this pid namespace. Call it once, before any
     * process attaches; initialising a mutex in use breaks it. (Let {@link SharedRegion} do it when
     * processes start in no fixed order.)
     *
     * @throws IllegalArgumentException when the segment is on the heap or not aligned to
     *     {@link #byteAlignment()}
     */
    public static SharedMutex initialize(MemorySegment segment) {
        return new SharedMutex(LowLevelMutex.initialize(segment));
    }

    /**
     * Uses the mutex that another process (Java or C) initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException when the segment holds no mutex, one of the other byte
     *     order, or one initialised by a layout version or with features this library does not know
     * @throws UnsupportedPidNamespaceException when it was initialised in another pid namespace
     */
    public static SharedMutex attach(MemorySegment segment) {
        return new SharedMutex(LowLevelMutex.attach(segment));
    }

    /**
     * Waits as long as it takes.
     *
     * @throws MutexNotRecoverableException when an owner died and its heir gave up (not held)
     * @throws IllegalStateException when the current thread already holds it
     */
    public Guard lock() {
        return new Guard(low, low.lock());
    }

    /** Takes the lock if it is free or its owner is dead (a zombie too), without waiting; empty when busy. */
    public Optional<Guard> tryLock() {
        return guard(low.tryLock());
    }

    /** Waits at most {@code timeout} (zero or less: tries once); empty when it ran out. */
    public Optional<Guard> lock(Duration timeout) {
        return guard(low.lock(timeout));
    }

    /**
     * Waits until {@code deadline} at the latest: the wall clock is read once, when the call
     * starts, and the wait runs on {@link System#nanoTime()}, so setting the clock meanwhile does
     * not move it. A deadline already passed tries once. Empty when it passed.
     */
    public Optional<Guard> lock(Instant deadline) {
        return guard(low.lock(deadline));
    }

    /** The same mutex with the low-level API. */
    public LowLevelMutex lowLevel() {
        return low;
    }

    /** Whether the calling thread holds this lock. */
    public boolean isHeldByCurrentThread() {
        return low.isHeldByCurrentThread();
    }

    /** The pid of the process holding the lock, 0 when it is free (a snapshot, for diagnostics). */
    public int ownerPid() {
        return low.ownerPid();
    }

    private Optional<Guard> guard(LockResult r) {
        return r.isHeld() ? Optional.of(new Guard(low, r)) : Optional.empty();
    }
}
