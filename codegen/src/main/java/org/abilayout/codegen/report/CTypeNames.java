package org.abilayout.codegen.report;

import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;

/**
 * Spells a model type as C does. C writes a declaration inside out (the name sits in the middle
 * of {@code int (*handlers[4])(int)}), so the spelling is built the way C reads it: start from
 * the name and wrap it in array brackets and pointer stars until the base type is reached.
 *
 * <p>Qualifiers apply to the innermost object (see {@link CType}): {@code volatile} on an
 * {@code int[4]} member gives {@code volatile int a[4]}, on a pointer member
 * {@code void *volatile p} (the pointer is volatile; what it points to is spelled in its pointee).
 */
public final class CTypeNames {
    private CTypeNames() {}

    /**
     * A declaration split where a column-aligned listing wants it: {@code specifiers} is the base
     * type with its qualifiers ({@code volatile uint32_t}, {@code struct point}, the return type of
     * a function pointer), {@code declarator} the rest ({@code m_owner}, {@code *next},
     * {@code buf[16]}, {@code (*cb)(int)}); empty for an abstract declarator.
     */
    public record Declaration(String specifiers, String declarator) {
        /** The whole declaration, without the semicolon: {@code char buf[16]}, {@code void *}. */
        @Override
        public String toString() {
            if (declarator.isEmpty()) return specifiers;
            boolean glue = specifiers.endsWith("*") && declarator.startsWith("*");
            return specifiers + (glue ? "" : " ") + declarator;
        }
    }

    /** The declaration of {@code name} with this type: {@code volatile lwpid_t m_owner}. */
    public static Declaration declaration(CType type, Qualifiers qualifiers, String name) {
        return build(type, qualifiers, name);
    }

    /** The type name alone (a C type-name, as in a cast): {@code char [16]}, {@code void *}. */
    public static String spell(CType type, Qualifiers qualifiers) {
        return build(type, qualifiers, "").toString();
    }

    /** The unqualified type name: {@code struct point}, {@code int (*)(int)}. */
    public static String spell(CType type) {
        return spell(type, Qualifiers.NONE);
    }

    private static Declaration build(CType type, Qualifiers q, String inner) {
        return switch (type) {
            case CType.ArrayType a -> build(a.element(), q,
                    inner + "[" + (a.isFlexible() ? "" : Long.toString(a.length().getAsLong())) + "]");
            case CType.PointerType p -> pointer(p, q, inner);
            case CType.ScalarType s -> new Declaration(q.spelling() + s.scalar().spelling(), inner);
            case CType.EnumType e -> new Declaration(q.spelling() + "enum " + e.decl().name(), inner);
            case CType.TypedefType t -> new Declaration(q.spelling() + t.decl().name(), inner);
            case CType.RecordType r -> new Declaration(q.spelling()
                    + (r.decl().isAnonymous() ? r.decl().kind().keyword() + " (anonymous)" : r.decl().cName()), inner);
        };
    }

    private static Declaration pointer(CType.PointerType p, Qualifiers q, String inner) {
        String quals = q.spelling().strip();
        String declarator = "*" + quals + (!quals.isEmpty() && !inner.isEmpty() ? " " : "") + inner;
        if (p.function()) {
            int params = paramsStart(p.pointee());
            if (params > 0) {
                return new Declaration(p.pointee().substring(0, params).strip(),
                        "(" + declarator + ")" + p.pointee().substring(params));
            }
        }
        return new Declaration(p.pointee(), declarator);
    }

    /**
     * Where the parameter list of a function type spelling ({@code "int (int, char *)"}) starts:
     * the parenthesis matching the final one; -1 if the spelling does not end in a parameter list.
     */
    private static int paramsStart(String function) {
        String s = function.stripTrailing();
        if (!s.endsWith(")")) return -1;
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) return i;
        }
        return -1;
    }
}
