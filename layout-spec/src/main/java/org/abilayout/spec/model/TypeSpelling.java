package org.abilayout.spec.model;

/**
 * Spells model types as C type names, the way diagnostics, reports and lock files show them:
 * {@code volatile lwpid_t}, {@code uint32_t[2]}, {@code struct point}, {@code void *}.
 * {@link #canonical} looks through typedefs, so two spellings of one type compare equal.
 */
public final class TypeSpelling {
    private TypeSpelling() {}

    /** As written: typedef names kept. */
    public static String of(CType type, Qualifiers qualifiers) {
        return spell(type, qualifiers, false);
    }

    /** With every typedef replaced by what it names; for comparing types across versions. */
    public static String canonical(CType type, Qualifiers qualifiers) {
        return spell(type, qualifiers, true);
    }

    private static String spell(CType type, Qualifiers q, boolean canonical) {
        StringBuilder dims = new StringBuilder();
        CType t = type;
        while (true) {
            if (canonical && t instanceof CType.TypedefType td) {
                q = q.merge(td.decl().qualifiers());
                t = td.decl().type();
            } else if (t instanceof CType.ArrayType a) {
                dims.append('[').append(a.length().isPresent() ? Long.toString(a.length().getAsLong()) : "").append(']');
                t = a.element();
            } else {
                break;
            }
        }
        String base = switch (t) {
            case CType.ScalarType s -> s.scalar().spelling();
            case CType.PointerType p -> p.function() ? p.pointee().replaceFirst("\\(", "(*)(") : p.pointee() + " *";
            case CType.RecordType r -> r.decl().isAnonymous() ? r.decl().kind().keyword() + " {...}" : r.decl().cName();
            case CType.EnumType e -> "enum " + e.decl().name();
            case CType.TypedefType td -> td.decl().name();
            case CType.ArrayType a -> throw new AssertionError("arrays are unwrapped above");
        };
        // a qualified pointer is spelled `int *volatile`: the qualifier follows the star
        if (t instanceof CType.PointerType && !q.isEmpty()) return base + q.spelling().strip() + dims;
        return q.spelling() + base + dims;
    }
}
