package org.abilayout.mutex;

import static org.abilayout.mutex.abi.Constants.SHARED_COND_MAGIC;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import org.abilayout.mutex.abi.SharedCond.Host;
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
    private static final long SEQ_OFFSET = Host.layout().byteOffset(PathElement.groupElement("seq"));
    private static final Instance INSTANCE = new Instance("shared_cond", Host.byteSize(), Host.layout().byteAlignment(),
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

    /** Makes the start of {@code segment} a fresh condition of the current layout version. */
    public static SharedCondition initialize(MemorySegment segment) {
        return new SharedCondition(INSTANCE.initialize(Objects.requireNonNull(segment)));
    }

    /**
     * Uses the condition another process initialised in {@code segment}.
     *
     * @throws IncompatibleLayoutException as {@link SharedMutex#attach}
     */
    public static SharedCondition attach(MemorySegment segment) {
        return new SharedCondition(INSTANCE.attach(Objects.requireNonNull(segment)));
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
        Host.seq_getAndAdd(segment, 1);
        // a waiter increments `waiters` before releasing the mutex, so one that could miss this
        // sequence number is counted by now
        if (Host.waiters_getVolatile(segment) != 0) waiter.wake(seqWord, count);
    }

    private boolean awaitNanos(SharedMutex mutex, long nanos) {
        mutex.checkHeldByCurrentThread("await");
        int s = Host.seq_getVolatile(segment);
        Host.waiters_getAndAdd(segment, 1);
        mutex.unlock();
        boolean woken = true;
        try {
            woken = waiter.await(seqWord, s, nanos);
        } finally {
            Host.waiters_getAndAdd(segment, -1);
            if (mutex.lock() == LockResult.OWNER_DIED) {
                throw new OwnerDiedException("await: the mutex was relocked after its previous owner died holding it;"
                        + " repair the protected data and call markConsistent()");
            }
        }
        return woken;
    }
}
