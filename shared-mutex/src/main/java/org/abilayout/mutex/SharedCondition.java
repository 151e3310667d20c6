package org.abilayout.mutex;

import static org.abilayout.mutex.abi.Constants.SHARED_COND_MAGIC;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.abilayout.mutex.abi.SharedCond.Host;
import org.abilayout.mutex.sys.Waiter;
import org.abilayout.mutex.sys.Word;

/**
 * A condition variable in shared memory ({@code struct shared_cond}) for use with a
 * {@link SharedMutex}, from Java and C processes alike. Wait on it through the mutex's guard
 * ({@link Guard#await(SharedCondition)}); the {@code await} methods here are the low-level API,
 * for a {@link LowLevelMutex}.
 *
 * <p>It sleeps on a sequence word. {@code await} reads the sequence while holding the mutex,
 * unlocks, and sleeps only while the sequence is unchanged; {@code signal} increments the sequence
 * before waking. A signal that comes after the waiter released the mutex therefore either finds the
 * waiter asleep (and wakes it) or makes its FUTEX_WAIT return at once: no wake-up is lost. Spurious
 * wake-ups are possible, as with every condition variable: wait in a loop on the predicate.
 */
public final class SharedCondition {
    private static final long SEQ_OFFSET = Host.layout().byteOffset(PathElement.groupElement("seq"));
    /** Sleeps of a bounded wait end this often, so that a missed deadline is noticed even without a wake-up. */
    private static final long SLICE_NANOS = Duration.ofMillis(50).toNanos();
    static final Instance INSTANCE = new Instance("shared_cond", Host.byteSize(), Host.layout().byteAlignment(),
            org.abilayout.mutex.abi.SharedCond.CURRENT_VERSION, SHARED_COND_MAGIC, Host::magic_getVolatile,
            Host::layout_version, Host::flags, Host::magic_setRelease, Host::layout_version);

    private final MemorySegment segment;
    /** The sequence word as the futex sees it: an address. */
    private final Word seqWord;
    private final Waiter waiter;

    private SharedCondition(MemorySegment segment) {
        this.segment = segment;
        this.seqWord = new Word(segment, SEQ_OFFSET);
        this.waiter = Waiter.forHost();
    }

    /** {@code sizeof(struct shared_cond)} on this host. */
    public static long byteSize() {
        return Host.byteSize();
    }

    /** {@code _Alignof(struct shared_cond)} on this host (64 on every target). */
    public static long byteAlignment() {
        return Host.layout().byteAlignment();
    }

    /** Makes the start of {@code segment} a fresh condition of the current layout version. */
    public static SharedCondition initialize(MemorySegment segment) {
        return new SharedCondition(INSTANCE.initialize(Objects.requireNonNull(segment), s -> { }));
    }

    /**
     * Uses the condition another process initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException as {@link SharedMutex#attach}
     */
    public static SharedCondition attach(MemorySegment segment) {
        return new SharedCondition(INSTANCE.attach(Objects.requireNonNull(segment)));
    }

    /** Wakes one waiter, if any. */
    public void signal() {
        wake(1);
    }

    /** Wakes every waiter. */
    public void signalAll() {
        wake(Waiter.ALL);
    }

    /**
     * Low-level: releases {@code mutex}, sleeps until signalled (or spuriously woken), and locks it
     * again, as long as that takes. Awaiting after {@link LockResult#OWNER_DIED} without handling it
     * gives the mutex up (as unlocking does).
     *
     * @return {@link LockResult#ACQUIRED} or {@link LockResult#OWNER_DIED}; the caller holds the mutex
     * @throws IllegalMonitorStateException when the current thread does not hold {@code mutex}
     * @throws MutexNotRecoverableException when it became not recoverable (not held)
     */
    public LockResult await(LowLevelMutex mutex) {
        return await(mutex, Deadline.FOREVER);
    }

    /**
     * Low-level: as {@link #await(LowLevelMutex)}, the whole call, relocking included, ending
     * within {@code timeout}.
     *
     * @return {@link LockResult#ACQUIRED} (woken), {@link LockResult#TIMED_OUT} (the time ran out
     *     first), {@link LockResult#OWNER_DIED}: the caller holds the mutex; or
     *     {@link LockResult#NOT_ACQUIRED}: the time ran out while relocking, and it does not
     */
    public LockResult await(LowLevelMutex mutex, Duration timeout) {
        return await(mutex, Deadline.after(timeout));
    }

    /** Low-level: as {@link #await(LowLevelMutex, Duration)}, ending at {@code deadline} (see {@link SharedMutex#lock(Instant)}). */
    public LockResult await(LowLevelMutex mutex, Instant deadline) {
        return await(mutex, Deadline.at(deadline));
    }

    LockResult await(LowLevelMutex mutex, Deadline deadline) {
        mutex.checkHeldByCurrentThread("await");
        int s = Host.seq_getVolatile(segment);
        Host.waiters_getAndAdd(segment, 1);
        mutex.unlock();
        boolean woken;
        try {
            woken = sleep(s, deadline);
        } finally {
            Host.waiters_getAndAdd(segment, -1);
        }
        // the relock is bounded by the same deadline
        LockResult r = mutex.acquire(deadline);
        return r == LockResult.ACQUIRED && !woken ? LockResult.TIMED_OUT : r;
    }

    /** Sleeps while the sequence is {@code s}; false when the deadline passed first. */
    private boolean sleep(int s, Deadline deadline) {
        if (!deadline.bounded()) {
            waiter.await(seqWord, s, -1);
            return true;
        }
        while (true) {
            long left = deadline.leftNanos();
            if (left <= 0) return false;
            if (waiter.await(seqWord, s, Math.min(left, SLICE_NANOS))) return true;
            if (Host.seq_getVolatile(segment) != s) return true;
        }
    }

    private void wake(int count) {
        Host.seq_getAndAdd(segment, 1);
        // a waiter increments `waiters` before releasing the mutex, so one that could miss this
        // sequence number is counted by now
        if (Host.waiters_getVolatile(segment) != 0) waiter.wake(seqWord, count);
    }
}
