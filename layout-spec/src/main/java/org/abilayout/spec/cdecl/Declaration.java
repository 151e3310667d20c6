package org.abilayout.spec.cdecl;

/**
 * A C declaration split where a column-aligned listing wants it: {@code specifiers} is the base
 * type with its qualifiers ({@code volatile uint32_t}, {@code struct node}, the result type of a
 * function pointer), {@code declarator} the rest ({@code m_owner}, {@code *next},
 * {@code buf[16]}, {@code (*cb)(int)}); the declarator is empty for a plain type name.
 */
public record Declaration(String specifiers, String declarator) {
    /**
     * The whole declaration without the semicolon: {@code char buf[16]}, {@code void *}; an
     * abstract array is written as clang prints it, {@code uint32_t[2]}.
     */
    @Override
    public String toString() {
        if (declarator.isEmpty()) return specifiers;
        return specifiers + (declarator.startsWith("[") ? "" : " ") + declarator;
    }
}
