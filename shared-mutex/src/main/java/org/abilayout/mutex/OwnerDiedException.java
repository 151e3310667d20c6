package org.abilayout.mutex;

import java.io.Serial;

/**
 * Thrown by {@link SharedCondition#await} when relocking the mutex found that its previous owner
 * died holding it. The caller holds the mutex, exactly as after a {@link LockResult#OWNER_DIED}
 * lock: repair the data and call {@link SharedMutex#markConsistent()}, then unlock as usual.
 */
public final class OwnerDiedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    OwnerDiedException(String message) {
        super(message);
    }
}
