package org.abilayout.abitests.render;

import java.util.stream.Collectors;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;

/**
 * Writes the declarations of a spec model as text in one {@link Dialect}: the spec language, or C
 * for clang or GCC. One writer for all three, so the text the parser reads and the C the compilers
 * read cannot drift apart.
 */
public final class DeclarationWriter {
    private final Dialect dialect;

    public DeclarationWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The whole spec: prelude, then every declaration in order. */
    public String write(Spec spec) {
        StringBuilder out = new StringBuilder(dialect.prelude(spec.packageName()));
        for (Decl d : spec.decls()) out.append(write(d));
        return out.toString();
    }

    /** One top-level declaration, ending in a newline. */
    public String write(Decl d) {
        return switch (d) {
            case RecordDecl r -> dialect.recordPrefix(r.packed(), r.align()) + r.kind().keyword()
                    + dialect.recordAttributes(r.packed(), r.align()) + " " + r.name() + " " + body(r, "") + ";\n";
            case EnumDecl e -> enumDecl(e);
            case TypedefDecl t -> "typedef " + declarator(t.type(), t.qualifiers(), t.name(), "") + ";\n";
            default -> throw new IllegalArgumentException("cannot write " + d);
        };
    }

    private String enumDecl(EnumDecl e) {
        String values = e.values().stream().map(v -> v.name() + " = " + v.value()).collect(Collectors.joining(", "));
        if (dialect == Dialect.GCC && e.underlying().isPresent()) {
            return "enum " + e.name() + " { " + values + " };\ntypedef " + e.underlying().get().spelling() + " "
                    + dialect.enumTypeName(e) + ";\n";
        }
        String base = e.underlying().map(s -> " : " + s.spelling()).orElse("");
        return "enum " + e.name() + base + " { " + values + " };\n";
    }

    private String body(RecordDecl r, String indent) {
        StringBuilder b = new StringBuilder("{\n");
        for (Member m : r.members()) b.append(indent).append("    ").append(member(m, indent + "    ")).append('\n');
        return b.append(indent).append('}').toString();
    }

    private String member(Member m, String indent) {
        if (m.isAnonymous()) {
            RecordDecl r = ((CType.RecordType) m.type()).decl();
            return dialect.recordPrefix(r.packed(), r.align()) + dialect.anonymousMemberAlign(m.align()) + r.kind().keyword()
                    + dialect.recordAttributes(r.packed(), r.align()) + " " + body(r, indent) + ";";
        }
        // the spec language wants every annotation first, before qualifiers: `@packed volatile struct { ... } x;`
        CType base = m.type();
        while (base instanceof CType.ArrayType a) base = a.element();
        String inlinePrefix = base instanceof CType.RecordType r && r.decl().isAnonymous()
                ? dialect.recordPrefix(r.decl().packed(), r.decl().align()) : "";
        return inlinePrefix + dialect.memberPrefix(m.align()) + declarator(m.type(), m.qualifiers(), m.name(), indent)
                + dialect.memberSuffix(m.align()) + ";";
    }

    /**
     * A C declarator: {@code volatile int x[2][3]}, {@code void * _Atomic p},
     * {@code int (* const f[2])(int)}. Qualifiers apply to the innermost element object, as the
     * model defines them.
     */
    String declarator(CType type, Qualifiers q, String name, String indent) {
        StringBuilder dims = new StringBuilder();
        CType e = type;
        while (e instanceof CType.ArrayType a) {
            dims.append('[').append(a.length().isPresent() ? Long.toString(a.length().getAsLong()) : "").append(']');
            e = a.element();
        }
        String inner = name + dims;
        String quals = q.spelling();
        return switch (e) {
            case CType.PointerType p when p.function() -> {
                int paren = p.pointee().indexOf('(');
                yield p.pointee().substring(0, paren).trim() + " (*" + (quals.isEmpty() ? "" : " " + quals) + inner
                        + ")" + p.pointee().substring(paren);
            }
            case CType.PointerType p -> p.pointee() + " *" + (quals.isEmpty() ? "" : " " + quals) + inner;
            default -> quals + typeName(e, indent) + " " + inner;
        };
    }

    private String typeName(CType t, String indent) {
        return switch (t) {
            case CType.ScalarType s -> s.scalar().spelling();
            case CType.EnumType en -> dialect.enumTypeName(en.decl());
            case CType.TypedefType td -> td.decl().name();
            case CType.RecordType r when r.decl().isAnonymous() -> r.decl().kind().keyword() + dialect.recordAttributes(r.decl().packed(), r.decl().align()) + " "
                    + body(r.decl(), indent);
            case CType.RecordType r -> r.decl().cName();
            default -> throw new IllegalArgumentException("not a base type: " + t);
        };
    }
}
