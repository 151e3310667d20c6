package org.abilayout.codegen.c;

import org.abilayout.arch.Scalar;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ElementType;

/**
 * The header's {@link Spelling} for the one declarator writer: {@code volatile lwpid_t m_owner},
 * {@code void *PREFIX_ATOMIC next}, {@code int (*cb)(int)}, {@code uint32_t m[2][3]}.
 * Anonymous records are not spelled here: the header writes their bodies inline.
 *
 * <p>Four spellings differ from the spec's: an enum with a fixed underlying type is the typedef
 * the header declares for it (C before C23 has no such enums); {@code _Atomic} becomes the header's
 * {@code PREFIX_ATOMIC} macro (C++17 has no {@code _Atomic}), {@code _Bool} becomes {@code bool}
 * (from {@code <stdbool.h>} in C), and {@code ssize_t}, which is POSIX and not C, becomes
 * {@code ptrdiff_t}, which has its size and alignment on every catalogue target.
 */
final class CDeclarators {
    private final Spelling spelling;

    CDeclarators(String prefix) {
        String atomicMacro = prefix + "_ATOMIC";
        this.spelling = new Spelling() {
            @Override
            public String scalar(Scalar s) {
                return CDeclarators.scalar(s);
            }

            @Override
            public String atomic() {
                return atomicMacro;
            }

            // an enum with a fixed underlying type is a typedef of that type in the header
            @Override
            public String enumType(CType.EnumType e) {
                return e.decl().filter(d -> d.underlying().isPresent()).isPresent() ? e.tag() : "enum " + e.tag();
            }
        };
    }

    /** {@code type name;} without the semicolon. */
    String declare(CType type, String name) {
        return DeclaratorWriter.declaration(type, name, spelling).toString();
    }

    /** The unqualified innermost element type as an abstract type name, for {@code sizeof}. */
    String abstractElement(CType type) {
        CType t = type;
        while (t instanceof CType.ArrayType a) t = a.element();
        return DeclaratorWriter.typeName(t.unqualified(), spelling);
    }

    /** Whether the innermost object is {@code _Atomic}, through typedefs. */
    static boolean isAtomic(CType type) {
        return ElementType.of(type).qualifiers().isAtomic();
    }

    static String scalar(Scalar s) {
        return switch (s) {
            case BOOL -> "bool";
            case SSIZE -> "ptrdiff_t";
            default -> s.spelling();
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
