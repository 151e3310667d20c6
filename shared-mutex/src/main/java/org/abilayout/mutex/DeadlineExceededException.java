package org.abilayout.mutex;

import java.io.Serial;

/**
 * A deadline passed where the operation could not end without the lock: a timed
 * {@link Guard#await(SharedCondition, java.time.Duration) await} whose relock did not finish in
 * time (the guard no longer holds the mutex), or a {@link SharedRegion} whose initialisation
 * another live process had not finished.
 */
public final class DeadlineExceededException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(String message) {
        super(message);
    }
}
