package org.abilayout.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ElementType;

/**
 * What the checker knows about a member's type: spellings for people, and the structure its
 * rules need, taken from the type value (the lock stores both, so nothing is ever parsed back
 * from a spelling).
 *
 * @param written as the spec writes it ({@code volatile lwpid_t})
 * @param canonical typedefs expanded ({@code volatile int32_t}); equal for two spellings of one type
 * @param bare the canonical type with every qualifier removed, at every level: what the bytes
 *     mean ({@code const char *} and {@code char *} are both {@code char *})
 * @param typeClass what the innermost element is
 * @param element the bare spelling of the innermost element ({@code uint32_t} for {@code uint32_t[2]})
 * @param dims the array dimensions, outermost first; empty for a non-array, an empty entry for a
 *     flexible array
 * @param record the tag of the innermost element's struct or union, when it is one (empty for an
 *     anonymous one and for everything else)
 * @param isVolatile whether the innermost object is {@code volatile} (through typedefs)
 * @param isAtomic whether it is {@code _Atomic} (through typedefs)
 */
public record TypeFacts(String written, String canonical, String bare, TypeClass typeClass, String element,
        List<OptionalLong> dims, String record, boolean isVolatile, boolean isAtomic) {

    /** What kind of value the innermost element of a member holds. */
    public enum TypeClass {
        INTEGER, FLOATING, POINTER, RECORD, ENUM, OTHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<TypeClass> byId(String id) {
            for (TypeClass c : values()) if (c.id().equals(id)) return Optional.of(c);
            return Optional.empty();
        }
    }

    public TypeFacts {
        dims = List.copyOf(dims);
    }

    public boolean isArray() {
        return !dims.isEmpty();
    }

    /** The facts of {@code type}, from the value. */
    public static TypeFacts of(CType type) {
        ElementType e = ElementType.of(type);
        TypeClass c = switch (e.element()) {
            case CType.ScalarType s -> s.scalar().isInteger() ? TypeClass.INTEGER : TypeClass.FLOATING;
            case CType.PointerType p -> TypeClass.POINTER;
            case CType.RecordType r -> TypeClass.RECORD;
            case CType.EnumType en -> TypeClass.ENUM;
            default -> TypeClass.OTHER;
        };
        String record = e.element() instanceof CType.RecordType r ? r.ref().tag() : "";
        return new TypeFacts(DeclaratorWriter.typeName(type, Spelling.SPEC), DeclaratorWriter.typeName(type, Spelling.CANONICAL),
                DeclaratorWriter.typeName(bare(type), Spelling.SPEC), c, DeclaratorWriter.typeName(bare(e.element()), Spelling.SPEC),
                e.dims(), record, e.qualifiers().isVolatile(), e.qualifiers().isAtomic());
    }

    /** {@code char[n]}: the filler bytes {@code @pad_to} reserves. */
    public static TypeFacts bytes(long n) {
        String s = "char[" + n + "]";
        return new TypeFacts(s, s, s, TypeClass.INTEGER, "char", List.of(OptionalLong.of(n)), "", false, false);
    }

    /** {@code type} with typedefs expanded and every qualifier removed, at every level. */
    static CType bare(CType type) {
        return switch (type) {
            case CType.TypedefType td -> bare(td.decl().type());
            case CType.QualifiedType q -> bare(q.type());
            case CType.PointerType p -> new CType.PointerType(bare(p.target()));
            case CType.ArrayType a -> new CType.ArrayType(bare(a.element()), a.length());
            case CType.FunctionType f -> {
                List<CType.Param> params = new ArrayList<>();
                for (CType.Param p : f.params()) params.add(new CType.Param("", bare(p.type())));
                yield new CType.FunctionType(bare(f.result()), params, f.variadic());
            }
            default -> type;
        };
    }
}
