package org.abilayout.compat;

/** How much a change matters to code built against the released layout. */
public enum Severity {
    /** Old binaries or old data misread the new layout (or the reverse). */
    BREAKING,
    /** The layout evolved the way the rules allow (reserved space consumed, growth of an extensible struct). */
    COMPATIBLE,
    /** Worth knowing, not an ABI change (a rename at the same place, an acknowledged break). */
    NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
