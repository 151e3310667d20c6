package org.abilayout.mutex;

/**
 * What an operation of the low-level API ({@link LowLevelMutex}, {@link SharedCondition#await(
 * LowLevelMutex)}) ended with. The guard API ({@link SharedMutex#lock()}) turns these into a
 * {@link Guard} and its {@link Guard#ownerDied()}.
 */
public enum LockResult {
    /** The caller holds the lock; the protected data is consistent. (After an await: woken.) */
    ACQUIRED,
    /**
     * The caller holds the lock, but a previous owner died holding it (like {@code EOWNERDEAD}):
     * the protected data may be half-updated. Repair it and call {@link LowLevelMutex#markConsistent()},
     * or give up with {@link LowLevelMutex#markNotRecoverable()}; unlocking without either also
     * gives up, making the mutex not recoverable for everyone. Every acquiring operation reports
     * it: lock, timed lock, try-lock, and the relock of an await.
     */
    OWNER_DIED,
    /** A timed await's deadline passed before a wake-up; the caller holds the lock again. */
    TIMED_OUT,
    /**
     * The caller does not hold the lock: a try-lock or timed lock found it busy, or a timed
     * await's deadline passed while it relocked (like {@code ENOLCK} in C).
     */
    NOT_ACQUIRED;

    /** Whether the caller now holds the lock (and must unlock it). */
    public boolean isHeld() {
        return this != NOT_ACQUIRED;
    }
}
