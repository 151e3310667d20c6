package org.abilayout.runtime;

/**
 * The running platform is not a catalogue target, or a generated class was asked for a target
 * it was not generated for. The message names what was asked for and what is supported.
 */
public final class UnsupportedTargetException extends AbiAccessException {
    private static final long serialVersionUID = 1L;

    public UnsupportedTargetException(String message) {
        super(message);
    }
}
