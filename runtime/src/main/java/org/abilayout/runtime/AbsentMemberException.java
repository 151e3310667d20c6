package org.abilayout.runtime;

/**
 * A member guarded by {@code @if(predicate)} was accessed on a target where the predicate does
 * not hold, so the member has no bytes there.
 */
public final class AbsentMemberException extends AbiAccessException {
    private static final long serialVersionUID = 1L;

    public AbsentMemberException(String message) {
        super(message);
    }
}
