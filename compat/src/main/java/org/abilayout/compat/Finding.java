package org.abilayout.compat;

/**
 * One difference found on one target, before findings are merged across targets into
 * {@link Change}s: what the per-target pass ({@link TargetDiff}) produces.
 *
 * @param type the struct, union, enum or constant it is about
 * @param member the member, or empty for the type itself
 * @param oldFact what it was ({@code "offset 16"}), empty where nothing was
 * @param newFact what it is, empty where nothing is
 * @param detail one sentence for humans
 * @param target the target it was found on
 */
record Finding(ChangeKind kind, String type, String member, String oldFact, String newFact, String detail,
        String target) {}
