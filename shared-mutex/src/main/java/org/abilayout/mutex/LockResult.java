package org.abilayout.mutex;

/** What a lock attempt on a {@link SharedMutex} ended with. */
public enum LockResult {
    /** The caller holds the lock; the protected data is consistent. */
    ACQUIRED,
    /**
     * The caller holds the lock, but a previous owner died holding it (like {@code EOWNERDEAD}):
     * the protected data may be half-updated. Repair it and call {@link SharedMutex#markConsistent()},
     * or unlock without doing so, which makes the mutex not recoverable for everyone.
     */
    OWNER_DIED,
    /** {@link SharedMutex#tryLock()} or a timed lock did not get the lock; the caller does not hold it. */
    NOT_ACQUIRED;

    /** Whether the caller now holds the lock (and must unlock it). */
    public boolean isHeld() {
        return this != NOT_ACQUIRED;
    }
}
