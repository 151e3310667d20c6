package org.abilayout.mutex;

import java.io.Serial;

/**
 * {@code attach} refused a segment: it is not an initialised instance of the struct this library
 * knows (wrong magic, other byte order, a layout version or feature flags it does not know, or too
 * small). Nothing was written to it.
 */
public final class IncompatibleLayoutException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    IncompatibleLayoutException(String message) {
        super(message);
    }
}
