package org.abilayout.abitests.render;

import org.abilayout.spec.model.EnumDecl;

/**
 * The three ways the same declarations are written: as spec-language text, and as C for the
 * two reference compilers. They differ only in how annotations and fixed-type enums are spelled.
 */
public enum Dialect {
    /** The spec language: {@code @packed}/{@code @align(N)} before the declaration. */
    SPEC,
    /** C23 for clang-19: GNU attributes, and {@code enum e : T} for fixed-type enums. */
    CLANG,
    /**
     * C11 for GCC 12, which has no fixed-type enums: such an enum is declared for its constants
     * and used through a typedef of its underlying type, which has the same layout.
     */
    GCC;

    /** What a C file starts with; the spec's package line for the spec language. */
    String prelude(String packageName) {
        return switch (this) {
            case SPEC -> "package " + packageName + ";\n\n";
            // ssize_t is POSIX, not freestanding C: a signed integer of pointer size
            case CLANG, GCC -> "#include <stddef.h>\n#include <stdint.h>\ntypedef __PTRDIFF_TYPE__ ssize_t;\n\n";
        };
    }

    /** How a member or typedef names the enum type. */
    String enumTypeName(EnumDecl e) {
        return this == GCC && e.underlying().isPresent() ? e.name() + "__fixed" : "enum " + e.name();
    }

    /** Record annotations: the spec's prefix, or C's attribute list after the keyword. */
    String recordPrefix(boolean packed, java.util.OptionalLong align) {
        if (this != SPEC) return "";
        return (packed ? "@packed " : "") + (align.isPresent() ? "@align(" + align.getAsLong() + ") " : "");
    }

    String recordAttributes(boolean packed, java.util.OptionalLong align) {
        if (this == SPEC || (!packed && align.isEmpty())) return "";
        String list = packed ? "packed" : "";
        if (align.isPresent()) list += (packed ? ", " : "") + "aligned(" + align.getAsLong() + ")";
        return " __attribute__((" + list + "))";
    }

    /**
     * {@code @align(N)} on an anonymous member: C has no declarator to hang an attribute on, but
     * {@code _Alignas(N) struct { ... };} gives the member (not its type) alignment N, as the
     * spec's member {@code @align} does.
     */
    String anonymousMemberAlign(java.util.OptionalLong align) {
        if (align.isEmpty()) return "";
        return this == SPEC ? memberPrefix(align) : "_Alignas(" + align.getAsLong() + ") ";
    }

    String memberPrefix(java.util.OptionalLong align) {
        return this == SPEC && align.isPresent() ? "@align(" + align.getAsLong() + ") " : "";
    }

    String memberSuffix(java.util.OptionalLong align) {
        return this != SPEC && align.isPresent() ? " __attribute__((aligned(" + align.getAsLong() + ")))" : "";
    }
}
