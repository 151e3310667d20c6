package org.abilayout.codegen.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.predicate.PredicateParser;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.RecordTraits;

/** Model values built by hand, as the parser would build them from the spec text in each javadoc. */
final class Fixtures {
    private Fixtures() {}

    static final Qualifiers VOLATILE = new Qualifiers(false, true, false);

    static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    static CType array(CType element, long length) {
        return new CType.ArrayType(element, OptionalLong.of(length));
    }

    static Member member(String name, CType type) {
        return member(name, type, Qualifiers.NONE);
    }

    static Member member(String name, CType type, Qualifiers q) {
        return new Member(name, CType.qualified(type, q), OptionalLong.empty(), Optional.empty(), List.of(), MemberTraits.NONE,
                SourcePos.NONE);
    }

    /** A member with {@code @if(PREDICATE)}. */
    static Member memberIf(String predicate, String name, CType type) {
        try {
            MemberTraits traits = new MemberTraits(Optional.of(PredicateParser.parse(predicate)), 1, false,
                    OptionalLong.empty(), false);
            return new Member(name,  type, OptionalLong.empty(), Optional.empty(), List.of(), traits,
                    SourcePos.NONE);
        } catch (PredicateParser.PredicateException e) {
            throw new AssertionError(e);
        }
    }

    static RecordDecl struct(String name, Member... members) {
        return record(RecordDecl.Kind.STRUCT, name, members);
    }

    static RecordDecl union(String name, Member... members) {
        return record(RecordDecl.Kind.UNION, name, members);
    }

    static RecordDecl record(RecordDecl.Kind kind, String name, Member... members) {
        return new RecordDecl(kind, name, List.of(members), false, OptionalLong.empty(), Optional.empty(), List.of(),
                RecordTraits.NONE, SourcePos.NONE);
    }

    static TypedefDecl typedef(String name, CType type) {
        return new TypedefDecl(name,  type, Optional.empty(), List.of(), SourcePos.NONE);
    }

    static Spec spec(String pkg, Decl... decls) {
        return new Spec(pkg, new SourceFile("test.layout", ""), List.of(decls));
    }

    static Target target(String name) {
        return Catalogue.byName(name).orElseThrow();
    }

    static Layouts layouts(Spec spec, String... targets) {
        try {
            return LayoutEngine.layoutAll(spec, java.util.Arrays.stream(targets).map(Fixtures::target).toList());
        } catch (SpecException e) {
            throw new AssertionError(e.render(), e);
        }
    }

    /**
     * <pre>
     * struct job {
     *     char tag;
     *     double when;     // i386: 4-aligned; m68k: 2-aligned
     *     long count;      // 4 bytes on ILP32 and on 64-bit Windows
     *     char name[16];
     *     void *next;
     * };
     * </pre>
     */
    static RecordDecl job() {
        return struct("job",
                member("tag", scalar(Scalar.CHAR)),
                member("when", scalar(Scalar.DOUBLE)),
                member("count", scalar(Scalar.LONG)),
                member("name", array(scalar(Scalar.CHAR), 16)),
                member("next", new CType.PointerType(CType.VoidType.INSTANCE)));
    }

    /**
     * <pre>
     * typedef int32_t lwpid_t;
     * struct umutex {
     *     volatile lwpid_t m_owner;
     *     uint32_t m_flags;
     *     uint32_t m_ceilings[2];
     *     uintptr_t m_rb_lnk;
     *     uint32_t m_spare[2];
     * };
     * </pre>
     */
    static Spec umutex() {
        TypedefDecl lwpid = typedef("lwpid_t", scalar(Scalar.INT32));
        RecordDecl umutex = struct("umutex",
                member("m_owner", CType.TypedefType.of(lwpid), VOLATILE),
                member("m_flags", scalar(Scalar.UINT32)),
                member("m_ceilings", array(scalar(Scalar.UINT32), 2)),
                member("m_rb_lnk", scalar(Scalar.UINTPTR)),
                member("m_spare", array(scalar(Scalar.UINT32), 2)));
        return spec("freebsd.umtx", lwpid, umutex);
    }
}
