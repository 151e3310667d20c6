package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

class ExampleSpecTest {
    static final String UMTX = """
            package freebsd.umtx;
            typedef int32_t lwpid_t;
            const uint32_t UMUTEX_CONTESTED = 0x80000000;
            enum umutex_flags : uint32_t { UMUTEX_PRIO_INHERIT = 4, UMUTEX_PRIO_PROTECT = 8 };
            /// Kernel-assisted mutex word, shared between processes.
            @version(2)
            struct umutex {
                volatile lwpid_t  m_owner;        // comment
                uint32_t          m_flags;
                uint32_t          m_ceilings[2];
                @since(2) uintptr_t m_rb_lnk;
                @since(2) @if(ilp32) uint32_t m_pad;
                @reserved uint32_t m_spare[2];
            };
            """;

    @Test
    void theUmtxExampleResolvesToTheExpectedModel() {
        Spec spec = Specs.okRaw(UMTX);
        assertEquals("freebsd.umtx", spec.packageName());
        assertEquals(List.of("lwpid_t", "UMUTEX_CONTESTED", "umutex_flags", "umutex"),
                spec.decls().stream().map(d -> d.name()).toList());

        TypedefDecl lwpid = (TypedefDecl) spec.decl("lwpid_t").orElseThrow();
        assertEquals(new CType.ScalarType(Scalar.INT32), lwpid.type());

        ConstDecl contested = (ConstDecl) spec.decl("UMUTEX_CONTESTED").orElseThrow();
        assertEquals(Scalar.UINT32, contested.type());
        assertEquals(0x80000000L, contested.value());

        EnumDecl flags = (EnumDecl) spec.decl("umutex_flags").orElseThrow();
        assertEquals(Optional.of(Scalar.UINT32), flags.underlying());
        assertEquals(List.of(4L, 8L), flags.values().stream().map(EnumDecl.Enumerator::value).toList());

        RecordDecl umutex = Specs.record(spec, "umutex");
        assertEquals(RecordDecl.Kind.STRUCT, umutex.kind());
        assertEquals(Optional.of("Kernel-assisted mutex word, shared between processes."), umutex.doc());
        assertEquals("version", umutex.annotations().getFirst().name());
        assertEquals(List.of(new AnnotationArg.Int(2, umutex.annotations().getFirst().args().getFirst().pos())),
                umutex.annotations().getFirst().args());
        assertEquals(List.of("m_owner", "m_flags", "m_ceilings", "m_rb_lnk", "m_pad", "m_spare"),
                umutex.members().stream().map(Member::name).toList());

        Member owner = umutex.members().get(0);
        assertEquals(CType.qualified(CType.TypedefType.of(lwpid), new Qualifiers(false, true, false)), owner.type());
        assertEquals(new Qualifiers(false, true, false), owner.qualifiers());
        assertEquals(8, owner.pos().line());
        assertEquals(23, owner.pos().column());

        Member ceilings = Specs.member(umutex, "m_ceilings");
        assertEquals(new CType.ArrayType(new CType.ScalarType(Scalar.UINT32), OptionalLong.of(2)), ceilings.type());

        Member pad = Specs.member(umutex, "m_pad");
        assertEquals(List.of("since", "if"), pad.annotations().stream().map(a -> a.name()).toList());
        AnnotationArg.Text pred = (AnnotationArg.Text) pad.annotation("if").orElseThrow().args().getFirst();
        assertEquals("ilp32", pred.text());
        assertEquals(12, pred.pos().line());
        assertEquals(19, pred.pos().column());
        assertTrue(Specs.member(umutex, "m_spare").annotation("reserved").isPresent());
    }

    @Test
    void theUmtxExampleLaysOutOnX8664() throws SpecException {
        Spec spec = Specs.okRaw(UMTX);
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow())
                .record("umutex").orElseThrow();
        // m_owner 0 (4 bytes), m_flags 4, m_ceilings 8..16, m_rb_lnk aligned to 8 at 16, no m_pad
        // (@if(ilp32) is false on LP64), m_spare 24..32: FreeBSD's 32 bytes
        assertEquals(List.of(0L, 4L, 8L, 16L, 24L), l.fields().stream().map(f -> f.offset()).toList());
        assertEquals(32, l.size());
        assertEquals(8, l.align());
    }

    @Test
    void anObviousStructLaysOutWithCOffsets() throws SpecException {
        Spec spec = Specs.ok("""
                struct s {
                    char c;
                    double d;
                    short h;
                    int *p;
                };
                """);
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow())
                .record("s").orElseThrow();
        // SysV AMD64: char at 0, double aligned to 8 at 8, short at 16, pointer aligned to 8 at 24;
        // size 32 (already a multiple of the struct alignment 8)
        assertEquals(List.of(0L, 8L, 16L, 24L), l.fields().stream().map(f -> f.offset()).toList());
        assertEquals(32, l.size());
    }

    @Test
    void anonymousMembersAndFlexibleArraysLayOutAsInC() throws SpecException {
        Spec spec = Specs.ok("""
                struct msg {
                    uint16_t kind;
                    union { uint32_t u; float f; };
                    char data[];
                };
                """);
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow())
                .record("msg").orElseThrow();
        // kind 0..2; the anonymous union (size 4, align 4) at 4, its members lifted to offset 4;
        // data starts at 8 and adds nothing to sizeof, which is 8
        assertEquals(List.of("kind", "u", "f", "data"), l.flatFields().stream().map(f -> f.name()).toList());
        assertEquals(List.of(0L, 4L, 4L, 8L), l.flatFields().stream().map(f -> f.offset()).toList());
        assertEquals(8, l.size());
    }

    @Test
    void doubleSitsOnFourBytesOnI386() throws SpecException {
        Spec spec = Specs.ok("struct s { char c; double d; };");
        // SysV i386 aligns double to 4 inside structs (the catalogue's quirk): d at 4, size 12
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("i386-linux-gnu").orElseThrow()).record("s").orElseThrow();
        assertEquals(4, l.fields().get(1).offset());
        assertEquals(12, l.size());
    }
}
