package org.abilayout.runtime;

/**
 * A member declared {@code @since(N)} was accessed in an instance whose {@code @version_field}
 * says it is older than N: the bytes the member would occupy are spare space in that version.
 */
public final class VersionMismatchException extends AbiAccessException {
    private static final long serialVersionUID = 1L;

    private final long instanceVersion;
    private final int since;

    public VersionMismatchException(String message, long instanceVersion, int since) {
        super(message);
        this.instanceVersion = instanceVersion;
        this.since = since;
    }

    /** The version the instance's version field holds. */
    public long instanceVersion() {
        return instanceVersion;
    }

    /** The first version that has the member. */
    public int since() {
        return since;
    }
}
