package org.abilayout.mutex;

import java.io.Serial;

/**
 * The mutex is not recoverable (like {@code ENOTRECOVERABLE}): an owner died holding it, and the
 * process that inherited the lock unlocked it without {@link SharedMutex#markConsistent()}. Every
 * lock attempt fails from then on, in every process, until the segment is initialised again.
 */
public final class MutexNotRecoverableException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    MutexNotRecoverableException(String message) {
        super(message);
    }
}
