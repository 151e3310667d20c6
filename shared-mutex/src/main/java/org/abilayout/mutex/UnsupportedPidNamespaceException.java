package org.abilayout.mutex;

import java.io.Serial;

/**
 * The instance was initialised in another pid namespace than this process's (like
 * {@code ENOTSUP} in C). Lock words name owners by pid, and a pid means another process, or
 * none, in another namespace: sharing an instance across pid namespaces is not supported, and is
 * refused rather than left to steal or deadlock. Nothing was written.
 */
public final class UnsupportedPidNamespaceException extends UnsupportedOperationException {
    @Serial
    private static final long serialVersionUID = 1L;

    UnsupportedPidNamespaceException(String message) {
        super(message);
    }
}
