package org.abilayout.mutex;

import java.io.Serial;

/**
 * The mutex is not recoverable (like {@code ENOTRECOVERABLE}): an owner died holding it, and the
 * process that inherited the lock gave up instead of marking it consistent. Every acquiring
 * operation (lock, timed lock, try-lock, the relock of an await) throws it from then on, in
 * every process, without the lock, until the segment is initialised again.
 */
public final class MutexNotRecoverableException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    MutexNotRecoverableException(String message) {
        super(message);
    }
}
