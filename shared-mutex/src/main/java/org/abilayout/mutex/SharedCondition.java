package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import org.abilayout.mutex.layout.MutexAbi;
import org.abilayout.mutex.layout.StructAbi;
import org.abilayout.mutex.sys.Waiter;
import org.abilayout.mutex.sys.Word;

/**
 * A condition variable in shared memory ({@code struct shared_cond}) for use with a
 * {@link SharedMutex}, from Java and C processes alike.
 *
 * <p>It sleeps on a sequence word. {@code await} reads the sequence while holding the mutex,
 * unlocks, and sleeps only while the sequence is unchanged; {@code signal} increments the sequence
 * before waking. A signal that comes after the waiter released the mutex therefore either finds the
 * waiter asleep (and wakes it) or makes its FUTEX_WAIT return at once: no wake-up is lost. Spurious
 * wake-ups are possible, as with every condition variable: wait in a loop on the predicate.
 */
public final class SharedCondition {
    private static final MutexAbi ABI = MutexAbi.host();
    private static final StructAbi STRUCT = ABI.cond();
    private static final int MAGIC = ABI.constant("SHARED_COND_MAGIC");

    private final Word seq;
    private final Word waiters;
    private final Waiter waiter;

    private SharedCondition(MemorySegment segment) {
        this.seq = new Word(segment, STRUCT.offset("seq"));
        this.waiters = new Word(segment, STRUCT.offset("waiters"));
        this.waiter = Waiter.forHost();
    }

    /** {@code sizeof(struct shared_cond)} on this host. */
    public static long byteSize() {
        return STRUCT.size();
    }

    /** Makes the start of {@code segment} a fresh condition of the current layout version. */
    public static SharedCondition initialize(MemorySegment segment) {
        return new SharedCondition(Instance.initialize(Objects.requireNonNull(segment), STRUCT, MAGIC));
    }

    /**
     * Uses the condition another process initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException as {@link SharedMutex#attach}
     */
    public static SharedCondition attach(MemorySegment segment) {
        return new SharedCondition(Instance.attach(Objects.requireNonNull(segment), STRUCT, MAGIC));
    }

    /**
     * Releases {@code mutex}, sleeps until signalled (or spuriously woken), and locks it again.
     *
     * @throws IllegalMonitorStateException when the current thread does not hold {@code mutex}
     * @throws OwnerDiedException when relocking found that an owner died holding the mutex; the
     *     caller holds it
     */
    public void await(SharedMutex mutex) {
        awaitNanos(mutex, -1);
    }

    /**
     * As {@link #await(SharedMutex)}, sleeping at most {@code timeout}.
     *
     * @return false when the time ran out without a wake-up (the mutex is held again either way)
     */
    public boolean await(SharedMutex mutex, Duration timeout) {
        return awaitNanos(mutex, Math.max(0, timeout.toNanos()));
    }

    /** Wakes one waiter, if any. */
    public void signal() {
        wake(1);
    }

    /** Wakes every waiter. */
    public void signalAll() {
        wake(Waiter.ALL);
    }

    private void wake(int count) {
        seq.getAndAdd(1);
        // a waiter increments `waiters` before releasing the mutex, so one that could miss this
        // sequence number is counted by now
        if (waiters.getVolatile() != 0) waiter.wake(seq, count);
    }

    private boolean awaitNanos(SharedMutex mutex, long nanos) {
        mutex.checkHeldByCurrentThread("await");
        int s = seq.getVolatile();
        waiters.getAndAdd(1);
        mutex.unlock();
        boolean woken = true;
        try {
            woken = waiter.await(seq, s, nanos);
        } finally {
            waiters.getAndAdd(-1);
            if (mutex.lock() == LockResult.OWNER_DIED) {
                throw new OwnerDiedException("await: the mutex was relocked after its previous owner died holding it;"
                        + " repair the protected data and call markConsistent()");
            }
        }
        return woken;
    }
}
