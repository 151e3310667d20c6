package org.abilayout.spec.traits;

import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Target;
import org.abilayout.spec.predicate.Predicate;

/**
 * What the versioning annotations say about a member.
 *
 * @param condition {@code @if(...)}: the member exists only on targets where it holds
 * @param since {@code @since(N)}: the first layout version that has the member (1 if absent)
 * @param reserved {@code @reserved}: bytes kept zero, ignored by readers, free for later versions
 * @param pinnedOffset {@code @offset(N)}: the build fails if the member is not at N
 * @param versionField {@code @version_field}: the member holds each instance's layout version
 */
public record MemberTraits(Optional<Predicate> condition, int since, boolean reserved, OptionalLong pinnedOffset,
        boolean versionField) {

    public static final MemberTraits NONE = new MemberTraits(Optional.empty(), 1, false, OptionalLong.empty(), false);

    public boolean presentOn(Target target) {
        return condition.isEmpty() || condition.get().test(target);
    }

    public boolean presentIn(int version) {
        return since <= version;
    }
}
