package org.abilayout.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of change the checker reports, with its default severity. The spelling used in
 * reports and in {@code @accept(...)} is the lower-case name ({@code alignment_raised}).
 */
public enum ChangeKind {
    MEMBER_OFFSET_CHANGED(Severity.BREAKING, "member offset changed"),
    MEMBER_SIZE_CHANGED(Severity.BREAKING, "member size changed"),
    MEMBER_TYPE_CHANGED(Severity.BREAKING, "member type changed"),
    MEMBER_TYPE_CHANGED_SAME_SIZE(Severity.BREAKING, "member type changed at the same size"),
    MEMBER_REMOVED(Severity.BREAKING, "member removed"),
    MEMBER_RENAMED(Severity.NOTE, "member renamed at the same place"),
    MEMBER_ADDED_OUTSIDE_RESERVED(Severity.BREAKING, "member added outside reserved space"),
    RESERVED_CONSUMED(Severity.COMPATIBLE, "reserved space consumed"),
    RESERVED_OVERRUN(Severity.BREAKING, "member overruns reserved bytes"),
    SIZE_CHANGED(Severity.BREAKING, "struct size changed"),
    GREW_AT_TAIL(Severity.COMPATIBLE, "extensible struct grew at the tail"),
    ALIGNMENT_RAISED(Severity.BREAKING, "struct alignment raised"),
    ALIGNMENT_LOWERED(Severity.BREAKING, "struct alignment lowered"),
    BYTE_ORDER_DEPENDENT(Severity.BREAKING, "change whose meaning depends on byte order"),
    PRESENCE_CHANGED(Severity.BREAKING, "presence condition changed"),
    PINNED_OFFSET_VIOLATED(Severity.BREAKING, "pinned offset violated"),
    SIZE_PIN_VIOLATED(Severity.BREAKING, "pinned size violated"),
    PAD_TO_VIOLATED(Severity.BREAKING, "pad-to size violated"),
    VERSION_FIELD_MOVED(Severity.BREAKING, "version field moved"),
    ENUM_VALUE_CHANGED(Severity.BREAKING, "enum constant value changed"),
    ENUM_VALUE_REMOVED(Severity.BREAKING, "enum constant removed"),
    ENUM_VALUE_ADDED(Severity.COMPATIBLE, "enum constant added"),
    ENUM_UNDERLYING_CHANGED(Severity.BREAKING, "enum underlying type changed"),
    CONST_CHANGED(Severity.BREAKING, "constant changed"),
    CONST_REMOVED(Severity.BREAKING, "constant removed"),
    NESTED_CHANGED(Severity.BREAKING, "nested struct changed"),
    ARRAY_LENGTH_CHANGED(Severity.BREAKING, "array length changed"),
    ATOMIC_DROPPED(Severity.BREAKING, "atomic/volatile qualifier dropped from a shared word"),
    TYPE_REMOVED(Severity.BREAKING, "released type removed"),
    KIND_CHANGED(Severity.BREAKING, "struct became union or the reverse"),
    VERSION_NOT_BUMPED(Severity.BREAKING, "released layout changed without a version bump"),
    VERSION_BUMPED_WITHOUT_CHANGE(Severity.NOTE, "version bumped without a layout change"),
    RELEASED_VERSION_DELETED(Severity.BREAKING, "released version deleted"),
    TARGET_REMOVED(Severity.BREAKING, "released target no longer laid out"),
    STALE_ACKNOWLEDGEMENT(Severity.NOTE, "acknowledgement matches no change");

    private final Severity severity;
    private final String description;

    ChangeKind(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** The spelling in reports and {@code @accept}: {@code alignment_raised}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeKind> byId(String id) {
        for (ChangeKind k : values()) if (k.id().equals(id)) return Optional.of(k);
        return Optional.empty();
    }
}
