package org.abilayout.mutex;

import java.time.Duration;
import java.time.Instant;

/**
 * A held {@link SharedMutex}: closing it unlocks. Made by {@link SharedMutex#lock()} and its
 * siblings, for try-with-resources, and used by the thread that locked.
 *
 * <p>When a previous owner died holding the lock, {@link #ownerDied()} is true from the acquisition
 * on, be it a lock, a timed lock, a try-lock or the relock inside {@link #await}. The guard must
 * then be handled before it closes: repair the data and {@link #markConsistent()}, or
 * {@link #markNotRecoverable()} to give up. {@link #repairIfOwnerDied(Runnable)} does the first
 * (or, when the repair throws, the second). An await on an unhandled guard is refused, and closing
 * one unlocks, makes the mutex not recoverable (as glibc does) and throws
 * {@link UnhandledOwnerDeathException}.
 */
public final class Guard implements AutoCloseable {
    private final LowLevelMutex mutex;
    /** The thread that locked: only it may use the guard. */
    private final Thread thread;
    private boolean held = true;
    private boolean ownerDied;
    private boolean gaveUp;

    Guard(LowLevelMutex mutex, LockResult acquired) {
        this.mutex = mutex;
        this.thread = Thread.currentThread();
        this.ownerDied = acquired == LockResult.OWNER_DIED;
    }

    /** Whether a previous owner died holding the lock and this guard has not handled it yet. */
    public boolean ownerDied() {
        return ownerDied;
    }

    /** Whether the guard still holds the lock (false after close, or after an await that could not relock). */
    public boolean isHeld() {
        return held;
    }

    /**
     * After a death: the data is repaired, the mutex is consistent again.
     *
     * @throws IllegalStateException when no owner died, or the guard no longer holds the lock
     */
    public void markConsistent() {
        requireOwnerDied("markConsistent");
        mutex.markConsistent();
        ownerDied = false;
    }

    /**
     * After a death: gives up. The mutex is not recoverable from now on, for every process, until
     * it is initialised again; the guard still holds it until it closes.
     *
     * @throws IllegalStateException when no owner died, or the guard no longer holds the lock
     */
    public void markNotRecoverable() {
        requireOwnerDied("markNotRecoverable");
        mutex.markNotRecoverable();
        ownerDied = false;
        gaveUp = true;
    }

    /**
     * Runs {@code repair} if a previous owner died, then marks the mutex consistent; if
     * {@code repair} throws, marks it not recoverable and rethrows. Does nothing otherwise.
     */
    public void repairIfOwnerDied(Runnable repair) {
        requireHeld("repairIfOwnerDied");
        if (!ownerDied) return;
        try {
            repair.run();
        } catch (RuntimeException | Error e) {
            markNotRecoverable();
            throw e;
        }
        markConsistent();
    }

    /**
     * Releases the mutex, sleeps until {@code condition} is signalled (or spuriously woken), and
     * locks the mutex again, as long as that takes. Check {@link #ownerDied()} afterwards (or call
     * {@link #repairIfOwnerDied} at the top of the loop): the relock may inherit a dead owner's lock.
     *
     * @throws MutexNotRecoverableException when the mutex became not recoverable (no longer held)
     * @throws IllegalStateException when an owner's death is not handled yet, or the guard is closed
     */
    public void await(SharedCondition condition) {
        awaitUntil(condition, Deadline.FOREVER);
    }

    /**
     * As {@link #await(SharedCondition)}, but the whole call, relocking included, ends within
     * {@code timeout}.
     *
     * @return false when the time ran out before a wake-up (the guard holds the lock again)
     * @throws DeadlineExceededException when the time ran out while relocking: the guard no longer
     *     holds the lock (closing it does nothing)
     */
    public boolean await(SharedCondition condition, Duration timeout) {
        return awaitUntil(condition, Deadline.after(timeout));
    }

    /**
     * As {@link #await(SharedCondition, Duration)}, ending at {@code deadline} as the wall clock
     * reads it when the call starts (the wait runs on {@link System#nanoTime()}).
     */
    public boolean await(SharedCondition condition, Instant deadline) {
        return awaitUntil(condition, Deadline.at(deadline));
    }

    /**
     * Unlocks, unless already closed or released by a failed relock.
     *
     * @throws UnhandledOwnerDeathException when {@link #ownerDied()} is still true: the mutex is
     *     released and not recoverable now
     */
    @Override
    public void close() {
        if (!held) return;
        requireThread("close");
        held = false;
        if (!ownerDied && !gaveUp) {
            mutex.unlockConsistent();
            return;
        }
        mutex.unlock(); // wakes every waiter: the mutex is not recoverable now
        if (ownerDied) {
            ownerDied = false;
            throw new UnhandledOwnerDeathException("the guard was closed without handling the death of a previous"
                    + " owner (markConsistent or markNotRecoverable): the mutex is not recoverable now");
        }
    }

    private boolean awaitUntil(SharedCondition condition, Deadline deadline) {
        requireHeld("await");
        if (ownerDied) {
            throw new IllegalStateException("await: a previous owner died holding the mutex; repair and markConsistent()"
                    + " (or markNotRecoverable()) first: waiting would give the mutex up");
        }
        LockResult r;
        try {
            r = condition.await(mutex, deadline);
        } catch (MutexNotRecoverableException e) {
            held = false;
            throw e;
        }
        switch (r) {
            case NOT_ACQUIRED -> {
                held = false;
                throw new DeadlineExceededException("await: the deadline passed while relocking the mutex;"
                        + " the guard no longer holds it");
            }
            case OWNER_DIED -> ownerDied = true;
            case ACQUIRED, TIMED_OUT -> { }
        }
        return r != LockResult.TIMED_OUT;
    }

    private void requireHeld(String what) {
        if (!held) throw new IllegalStateException(what + ": the guard no longer holds the mutex");
        requireThread(what);
    }

    private void requireThread(String what) {
        if (Thread.currentThread() != thread) {
            throw new IllegalMonitorStateException(what + ": the guard belongs to " + thread + ", not to " + Thread.currentThread());
        }
    }

    private void requireOwnerDied(String what) {
        requireHeld(what);
        if (!ownerDied) throw new IllegalStateException(what + ": no previous owner died (nothing to mark)");
    }
}
