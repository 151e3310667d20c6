package org.abilayout.spec.syntax;

import java.util.Set;

/** Words of the C subset and helpers for naming things in messages. */
public final class Names {
    private Names() {}

    /** Words that cannot name a member, type, constant or enumerator. */
    public static final Set<String> KEYWORDS = Set.of(
            "package", "struct", "union", "enum", "typedef", "const", "volatile", "_Atomic", "restrict",
            "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "_Bool", "bool",
            "_Complex", "static", "extern", "register", "auto", "inline", "_Thread_local", "thread_local",
            "constexpr", "sizeof", "_Alignof", "alignof", "_Alignas", "alignas", "true", "false");

    /** Cuts a long name for a message: hostile input may have a megabyte-long identifier. */
    public static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 60) + "...";
    }
}
