package org.abilayout.abitests.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.predicate.PredicateParser;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.RecordTraits;

/**
 * Builds spec models by hand, as the resolver would, for specs the tests need before (or
 * besides) the text front end. Every declaration gets the next line number, so generated javadoc
 * cites plausible positions.
 */
final class Model {
    private final String packageName;
    private final String file;
    private final List<Decl> decls = new ArrayList<>();
    private int line = 1;

    Model(String packageName, String file) {
        this.packageName = packageName;
        this.file = file;
    }

    Spec spec() {
        return new Spec(packageName, new SourceFile(file, ""), decls);
    }

    private SourcePos pos() {
        return new SourcePos(file, ++line, 1, 0);
    }

    static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    static CType array(CType element, long... dims) {
        CType t = element;
        for (int i = dims.length - 1; i >= 0; i--) t = new CType.ArrayType(t, dims[i] < 0 ? OptionalLong.empty() : OptionalLong.of(dims[i]));
        return t;
    }

    static CType pointer() {
        return new CType.PointerType(CType.VoidType.INSTANCE);
    }

    static CType of(RecordDecl r) {
        return CType.RecordType.of(r);
    }

    static CType of(EnumDecl e) {
        return CType.EnumType.of(e);
    }

    static CType of(TypedefDecl t) {
        return CType.TypedefType.of(t);
    }

    TypedefDecl typedef(String name, CType type) {
        TypedefDecl t = new TypedefDecl(name,  type, Optional.empty(), List.of(), pos());
        decls.add(t);
        return t;
    }

    EnumDecl enumeration(String name, Scalar underlying, Object... namesAndValues) {
        List<EnumDecl.Enumerator> values = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.add(new EnumDecl.Enumerator((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).longValue(),
                    Optional.empty(), pos()));
        }
        EnumDecl e = new EnumDecl(name, Optional.of(underlying), values, Optional.of("An enum."), List.of(), pos());
        decls.add(e);
        return e;
    }

    void constant(String name, Scalar type, long value) {
        decls.add(new ConstDecl(name, type, value, Optional.empty(), List.of(), pos()));
    }

    /** A named struct or union, added to the spec. */
    RecordDecl record(RecordDecl.Kind kind, String name, int version, boolean packed, M... members) {
        RecordDecl r = anonymous(kind, name, version, packed, members);
        decls.add(r);
        return r;
    }

    RecordDecl struct(String name, M... members) {
        return record(RecordDecl.Kind.STRUCT, name, 1, false, members);
    }

    /** A record not added to the spec (anonymous ones: the type of a member). */
    RecordDecl anonymous(RecordDecl.Kind kind, String name, int version, boolean packed, M... members) {
        SourcePos p = pos();
        List<Member> ms = new ArrayList<>();
        for (M m : members) ms.add(m.build(pos()));
        RecordTraits traits = new RecordTraits(version, RecordTraits.NONE.size(), RecordTraits.NONE.padTo(), false, List.of());
        return new RecordDecl(kind, name, ms, packed, OptionalLong.empty(), Optional.of("The " + name + " record."), List.of(),
                traits, p);
    }

    static M m(String name, CType type) {
        return new M(name, type);
    }

    /** A member under construction. */
    static final class M {
        private final String name;
        private final CType type;
        private Qualifiers q = Qualifiers.NONE;
        private OptionalLong align = OptionalLong.empty();
        private String condition;
        private int since = 1;
        private boolean reserved;
        private boolean versionField;

        M(String name, CType type) {
            this.name = name;
            this.type = type;
        }

        M volatile_() {
            q = q.merge(new Qualifiers(false, true, false));
            return this;
        }

        M atomic() {
            q = q.merge(new Qualifiers(false, false, true));
            return this;
        }

        M align(long n) {
            align = OptionalLong.of(n);
            return this;
        }

        M iff(String predicate) {
            condition = predicate;
            return this;
        }

        M since(int v) {
            since = v;
            return this;
        }

        M reserved() {
            reserved = true;
            return this;
        }

        M versionField() {
            versionField = true;
            return this;
        }

        Member build(SourcePos pos) {
            try {
                MemberTraits traits = new MemberTraits(
                        condition == null ? Optional.empty() : Optional.of(PredicateParser.parse(condition)), since, reserved,
                        OptionalLong.empty(), versionField);
                return new Member(name, CType.qualified(type, q), align, Optional.of("Member " + name + "."), List.of(), traits, pos);
            } catch (PredicateParser.PredicateException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
