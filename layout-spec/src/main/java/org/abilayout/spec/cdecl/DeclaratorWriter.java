package org.abilayout.spec.cdecl;

import java.util.ArrayList;
import java.util.List;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;

/**
 * The one writer of C declarations in the product: the header, the reports, the lock and the
 * diagnostics all spell types through it, each with its {@link Spelling}.
 *
 * <p>C writes a declaration inside out (the name sits in the middle of
 * {@code int (*handlers[4])(int)}), so the writer builds it the way C reads it: it starts from
 * the name and wraps it, for each level of the type from the outside in, in array brackets,
 * parameter lists and pointer stars, adding parentheses where a pointer's target is an array or
 * a function, until it reaches the base type. A pointer's own qualifiers follow its star
 * ({@code char *volatile p}); every other type's precede it ({@code const char}).
 */
public final class DeclaratorWriter {
    private DeclaratorWriter() {}

    /** The declaration of {@code name} with {@code type}: {@code volatile lwpid_t m_owner}. */
    public static Declaration declaration(CType type, String name, Spelling spelling) {
        return write(type, name, spelling);
    }

    /** The type name alone, as in a cast or {@code sizeof}: {@code int (*)(int)}, {@code char[16]}. */
    public static String typeName(CType type, Spelling spelling) {
        return write(type, "", spelling).toString();
    }

    /** The declaration as the spec writes it. */
    public static String spec(CType type, String name) {
        return declaration(type, name, Spelling.SPEC).toString();
    }

    /** The type name as the spec writes it. */
    public static String spec(CType type) {
        return typeName(type, Spelling.SPEC);
    }

    private static Declaration write(CType type, String declarator, Spelling s) {
        CType t = shown(type, s);
        return switch (t) {
            case CType.QualifiedType q when q.type() instanceof CType.PointerType p ->
                    pointer(p, q.qualifiers(), declarator, s);
            case CType.QualifiedType q -> new Declaration(qualifiers(q.qualifiers(), s) + " " + base(q.type(), s), declarator);
            case CType.PointerType p -> pointer(p, Qualifiers.NONE, declarator, s);
            case CType.ArrayType a -> write(a.element(),
                    declarator + "[" + (a.isFlexible() ? "" : Long.toString(a.length().getAsLong())) + "]", s);
            case CType.FunctionType f -> write(f.result(), declarator + "(" + parameters(f, s) + ")", s);
            default -> new Declaration(base(t, s), declarator);
        };
    }

    private static Declaration pointer(CType.PointerType p, Qualifiers q, String declarator, Spelling s) {
        String quals = qualifiers(q, s);
        String inner = "*" + quals + (!quals.isEmpty() && !declarator.isEmpty() ? " " : "") + declarator;
        CType target = shown(p.target(), s);
        if (target.unqualified() instanceof CType.ArrayType || target.unqualified() instanceof CType.FunctionType) {
            inner = "(" + inner + ")";
        }
        return write(target, inner, s);
    }

    /** The type as it will be written: with typedefs expanded at the top when the spelling asks for it. */
    private static CType shown(CType t, Spelling s) {
        if (!s.expandTypedefs()) return t;
        CType cur = t;
        while (cur.unqualified() instanceof CType.TypedefType td) {
            cur = CType.qualified(td.decl().type(), cur.qualifiers());
        }
        return cur;
    }

    private static String parameters(CType.FunctionType f, Spelling s) {
        List<String> out = new ArrayList<>();
        for (CType.Param p : f.params()) out.add(write(p.type(), s.parameterNames() ? p.name() : "", s).toString());
        if (f.variadic()) out.add("...");
        return out.isEmpty() ? "void" : String.join(", ", out);
    }

    private static String base(CType t, Spelling s) {
        return switch (t) {
            case CType.VoidType v -> "void";
            case CType.ScalarType sc -> s.scalar(sc.scalar());
            case CType.RecordType r -> s.record(r.ref());
            case CType.EnumType e -> s.enumType(e);
            case CType.TypedefType td -> s.typedefName(td);
            default -> throw new IllegalArgumentException("not a base type: " + t);
        };
    }

    /** {@code const volatile _Atomic}, in C's conventional order; empty for none. */
    private static String qualifiers(Qualifiers q, Spelling s) {
        List<String> words = new ArrayList<>(3);
        if (q.isConst()) words.add("const");
        if (q.isVolatile()) words.add("volatile");
        if (q.isAtomic()) words.add(s.atomic());
        return String.join(" ", words);
    }
}
