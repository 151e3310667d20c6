package org.abilayout.mutex;

import java.io.Serial;

/**
 * Thrown by {@link Guard#close()} when the guard was closed while {@link Guard#ownerDied()} was
 * true: the death of a previous owner was neither repaired ({@link Guard#markConsistent()}) nor
 * given up on ({@link Guard#markNotRecoverable()}). The mutex has been released and is not
 * recoverable now, for every process, as glibc does when an {@code EOWNERDEAD} is unlocked.
 */
public final class UnhandledOwnerDeathException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    UnhandledOwnerDeathException(String message) {
        super(message);
    }
}
