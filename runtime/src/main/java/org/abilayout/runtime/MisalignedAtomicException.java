package org.abilayout.runtime;

/**
 * An atomic access (volatile read, release write, compare-and-set, get-and-add) was asked for at
 * an address that is not a multiple of the member's size. The hardware cannot do such an access
 * atomically, so the accessor refuses instead of tearing the value.
 */
public final class MisalignedAtomicException extends AbiAccessException {
    private static final long serialVersionUID = 1L;

    public MisalignedAtomicException(String message) {
        super(message);
    }
}
