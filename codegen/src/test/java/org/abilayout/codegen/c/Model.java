package org.abilayout.codegen.c;

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

/** Small builders for hand-made spec models (until the spec text parser is merged). */
final class Model {
    private Model() {}

    static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    static CType array(CType element, long length) {
        return new CType.ArrayType(element, OptionalLong.of(length));
    }

    static Member member(String name, CType type) {
        return member(name, type, MemberTraits.NONE);
    }

    static Member member(String name, CType type, MemberTraits traits) {
        return new Member(name,  type, OptionalLong.empty(), Optional.empty(), List.of(), traits,
                SourcePos.NONE);
    }

    static Member volatileMember(String name, CType type, String doc) {
        return new Member(name, CType.qualified(type, new Qualifiers(false, true, false)), OptionalLong.empty(), Optional.of(doc),
                List.of(), MemberTraits.NONE, SourcePos.NONE);
    }

    static MemberTraits since(int version) {
        return new MemberTraits(Optional.empty(), version, false, OptionalLong.empty(), false);
    }

    static MemberTraits sinceIf(int version, String predicate) {
        try {
            return new MemberTraits(Optional.of(PredicateParser.parse(predicate)), version, false, OptionalLong.empty(), false);
        } catch (PredicateParser.PredicateException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final MemberTraits RESERVED = new MemberTraits(Optional.empty(), 1, true, OptionalLong.empty(), false);

    static RecordDecl struct(String name, int version, String doc, Member... members) {
        RecordTraits traits = new RecordTraits(version, RecordTraits.NONE.size(), RecordTraits.NONE.padTo(), false, List.of());
        return new RecordDecl(RecordDecl.Kind.STRUCT, name, List.of(members), false, OptionalLong.empty(),
                Optional.ofNullable(doc), List.of(), traits, SourcePos.NONE);
    }

    static Spec spec(String pkg, Decl... decls) {
        return new Spec(pkg, new SourceFile("test.layout", ""), List.of(decls));
    }

    /** FreeBSD's struct umutex (version 2) with its typedef, a constant and the flags enum. */
    static Spec umtx() {
        TypedefDecl lwpid = new TypedefDecl("lwpid_t",  scalar(Scalar.INT32), Optional.empty(),
                List.of(), SourcePos.NONE);
        ConstDecl contested = new ConstDecl("UMUTEX_CONTESTED", Scalar.UINT32, 0x80000000L,
                Optional.of("Set in m_owner when threads wait in the kernel."), List.of(), SourcePos.NONE);
        EnumDecl flags = new EnumDecl("umutex_flags", Optional.of(Scalar.UINT32), List.of(
                new EnumDecl.Enumerator("USYNC_PROCESS_SHARED", 1, Optional.empty(), SourcePos.NONE),
                new EnumDecl.Enumerator("UMUTEX_PRIO_INHERIT", 4, Optional.empty(), SourcePos.NONE)),
                Optional.of("Flags of struct umutex."), List.of(), SourcePos.NONE);
        RecordDecl umutex = struct("umutex", 2, "Kernel-assisted mutex word, shared between processes.",
                volatileMember("m_owner", CType.TypedefType.of(lwpid), "Owner thread id."),
                member("m_flags", scalar(Scalar.UINT32)),
                member("m_ceilings", array(scalar(Scalar.UINT32), 2)),
                member("m_rb_lnk", scalar(Scalar.UINTPTR), since(2)),
                member("m_pad", scalar(Scalar.UINT32), sinceIf(2, "ilp32")),
                member("m_spare", array(scalar(Scalar.UINT32), 2), RESERVED));
        return spec("freebsd.umtx", lwpid, contested, flags, umutex);
    }

    /** A struct whose hole differs per target: 7 bytes where uint64_t is 8-aligned, 3 on i386, 1 on m68k. */
    static Spec hole() {
        return spec("test.hole", struct("holey", 1, null,
                member("c", scalar(Scalar.CHAR)), member("v", scalar(Scalar.UINT64)),
                member("n", scalar(Scalar.SSIZE)), member("b", scalar(Scalar.BOOL))));
    }
}
