package org.abilayout.runtime;

/**
 * Base of every exception generated accessors throw for a reason the C layout gives: a target
 * that is not supported, a member that does not exist on the target or in the instance's version,
 * an atomic access at an address the hardware cannot update atomically. Never a bug signal of
 * the generated code itself.
 */
public class AbiAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AbiAccessException(String message) {
        super(message);
    }
}
