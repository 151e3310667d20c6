package org.abilayout.spec.traits;

import java.util.Optional;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.source.SourcePos;

/**
 * {@code @accept(KIND, member: NAME, targets: "PREDICATE", reason: "...")} on a struct: the
 * maintainer has decided a reported change of that kind is acceptable, on those targets, and
 * says why. The checker then passes, and lists the acknowledgement; one that matches no change
 * is reported as stale.
 *
 * @param kind the change kind's name as reports print it ({@code alignment_raised}); the
 *     compatibility checker, which owns the kinds, reports a name it does not know, at {@code kindPos}
 * @param member the member path it is about, if any
 * @param targets where it applies (all targets if empty)
 */
public record Acknowledgement(String kind, SourcePos kindPos, Optional<String> member, Optional<Predicate> targets, String reason,
        SourcePos pos) {}
