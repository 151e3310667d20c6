package org.abilayout.codegen.c;

import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;

/**
 * Spells model types as C declarations in the generated header: {@code volatile lwpid_t m_owner},
 * {@code void *PREFIX_ATOMIC next}, {@code int (*cb)(int)}, {@code uint32_t m[2][3]}.
 * Anonymous records are not spelled here: the header writes their bodies inline.
 *
 * <p>Three spellings differ from the spec's: {@code _Atomic} becomes the header's
 * {@code PREFIX_ATOMIC} macro (C++17 has no {@code _Atomic}), {@code _Bool} becomes {@code bool}
 * (from {@code <stdbool.h>} in C), and {@code ssize_t}, which is POSIX and not C, becomes
 * {@code ptrdiff_t}, which has its size and alignment on every catalogue target.
 */
final class CDeclarators {
    private final String atomicMacro;

    CDeclarators(String prefix) {
        this.atomicMacro = prefix + "_ATOMIC";
    }

    /** {@code type name;} without the semicolon. */
    String declare(CType type, Qualifiers q, String name) {
        StringBuilder dims = new StringBuilder();
        CType t = type;
        while (t instanceof CType.ArrayType a) {
            dims.append('[').append(a.length().isPresent() ? Long.toString(a.length().getAsLong()) : "").append(']');
            t = a.element();
        }
        String declarator = name + dims;
        if (t instanceof CType.PointerType p) {
            String quals = qualifiers(q).strip();
            String inner = "*" + (quals.isEmpty() ? "" : quals + " ") + declarator;
            String pointee = pointee(p);
            if (p.function()) {
                int paren = pointee.indexOf('(');
                return pointee.substring(0, paren).stripTrailing() + " (" + inner + ")" + pointee.substring(paren);
            }
            return pointee + (pointee.endsWith("*") ? "" : " ") + inner;
        }
        return qualifiers(q) + base(t) + " " + declarator;
    }

    /** The unqualified innermost element type as an abstract type name, for {@code sizeof}. */
    String abstractElement(CType type) {
        CType t = type;
        while (t instanceof CType.ArrayType a) t = a.element();
        if (t instanceof CType.PointerType p) {
            String pointee = pointee(p);
            if (p.function()) return pointee.replaceFirst("\\(", "(*)(");
            return pointee + (pointee.endsWith("*") ? "*" : " *");
        }
        return base(t);
    }

    /** A pointee's C spelling (kept as text by the model) with the header's spellings of _Atomic, _Bool, ssize_t. */
    String pointee(CType.PointerType p) {
        return p.pointee().replaceAll("\\b_Atomic\\b", atomicMacro).replaceAll("\\b_Bool\\b", "bool")
                .replaceAll("\\bssize_t\\b", "ptrdiff_t");
    }

    /** Whether the innermost object is {@code _Atomic}, through typedefs. */
    static boolean isAtomic(CType type, Qualifiers q) {
        return org.abilayout.spec.model.ElementType.of(type, q).qualifiers().isAtomic();
    }

    String qualifiers(Qualifiers q) {
        return (q.isConst() ? "const " : "") + (q.isVolatile() ? "volatile " : "") + (q.isAtomic() ? atomicMacro + " " : "");
    }

    static String scalar(Scalar s) {
        return switch (s) {
            case BOOL -> "bool";
            case SSIZE -> "ptrdiff_t";
            default -> s.spelling();
        };
    }

    private String base(CType t) {
        return switch (t) {
            case CType.ScalarType s -> scalar(s.scalar());
            case CType.RecordType r -> r.decl().cName();
            // an enum with a fixed underlying type is a typedef of that type in the header
            case CType.EnumType e -> e.decl().underlying().isPresent() ? e.decl().name() : "enum " + e.decl().name();
            case CType.TypedefType td -> td.decl().name();
            case CType.PointerType p -> throw new AssertionError("pointers are spelled by declare");
            case CType.ArrayType a -> throw new AssertionError("arrays are unwrapped by the caller");
        };
    }

    /** A C integer constant of the given type, e.g. {@code ((uint32_t)2147483648u)}. */
    static String constant(Scalar type, long value) {
        String literal;
        boolean unsigned = type.kind() == Scalar.Kind.UNSIGNED || type.kind() == Scalar.Kind.BOOL;
        if (unsigned) {
            literal = Long.toUnsignedString(value) + (Long.compareUnsigned(value, 0xffff_ffffL) <= 0 ? "u" : "ull");
        } else if (value == Long.MIN_VALUE) {
            literal = "(-9223372036854775807ll - 1)";
        } else if (value >= Integer.MIN_VALUE + 1 && value <= Integer.MAX_VALUE) {
            literal = value < 0 ? "(" + value + ")" : Long.toString(value);
        } else {
            literal = value < 0 ? "(" + value + "ll)" : value + "ll";
        }
        return "((" + scalar(type) + ")" + literal + ")";
    }
}
