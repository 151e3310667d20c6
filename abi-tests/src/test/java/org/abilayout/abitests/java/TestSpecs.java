package org.abilayout.abitests.java;

import static org.abilayout.abitests.java.Model.array;
import static org.abilayout.abitests.java.Model.m;
import static org.abilayout.abitests.java.Model.of;
import static org.abilayout.abitests.java.Model.pointer;
import static org.abilayout.abitests.java.Model.scalar;

import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;

/** The representative specs the cross-language proofs run on. */
final class TestSpecs {
    private TestSpecs() {}

    /**
     * FreeBSD's umutex as {@code examples/freebsd/umtx.layout} has it (a pointer-sized robust
     * link, a pad word only where pointers are 32-bit), and a header with a version field.
     */
    static Spec umtx() {
        Model s = new Model("test.umtx", "umtx.layout");
        TypedefDecl lwpid = s.typedef("lwpid_t", scalar(Scalar.INT32));
        s.constant("UMUTEX_CONTESTED", Scalar.UINT32, 0x80000000L);
        s.enumeration("umutex_flags", Scalar.UINT32, "USYNC_PROCESS_SHARED", 1, "UMUTEX_PRIO_INHERIT", 4);
        s.record(RecordDecl.Kind.STRUCT, "umutex", 2, false,
                m("m_owner", of(lwpid)).volatile_(),
                m("m_flags", scalar(Scalar.UINT32)),
                m("m_ceilings", array(scalar(Scalar.UINT32), 2)),
                m("m_rb_lnk", scalar(Scalar.UINTPTR)).since(2),
                m("m_pad", scalar(Scalar.UINT32)).since(2).iff("ilp32"),
                m("m_spare", array(scalar(Scalar.UINT32), 2)).reserved());
        s.record(RecordDecl.Kind.STRUCT, "msg_header", 2, false,
                m("h_version", scalar(Scalar.UINT16)).versionField(),
                m("h_flags", scalar(Scalar.UINT16)),
                m("h_length", scalar(Scalar.UINT32)),
                m("h_sequence", scalar(Scalar.UINT64)).volatile_().since(2));
        return s.spec();
    }

    /** One member of every scalar type, pointers, an enum with a fixed 16-bit type. */
    static Spec scalars() {
        Model s = new Model("test.scalars", "scalars.layout");
        EnumDecl color = s.enumeration("color", Scalar.UINT16, "RED", 1, "GREEN", 2, "BLUE", 0xff00);
        Model.M[] members = new Model.M[Scalar.values().length + 2];
        int i = 0;
        for (Scalar sc : Scalar.values()) members[i++] = m("f_" + sc.name().toLowerCase(java.util.Locale.ROOT), scalar(sc));
        members[i++] = m("f_pointer", pointer());
        members[i] = m("f_enum", of(color));
        s.record(RecordDecl.Kind.STRUCT, "all_scalars", 1, false, members);
        return s.spec();
    }

    /** Arrays (1-d, 2-d, of structs, of chars), a nested struct, a flexible array member. */
    static Spec aggregates() {
        Model s = new Model("test.aggregates", "aggregates.layout");
        RecordDecl point = s.struct("point", m("x", scalar(Scalar.INT16)), m("y", scalar(Scalar.INT16)));
        s.struct("shape",
                m("kind", scalar(Scalar.UINT8)),
                m("origin", of(point)),
                m("pts", array(of(point), 3)),
                m("grid", array(scalar(Scalar.INT32), 2, 3)),
                m("weight", scalar(Scalar.DOUBLE)),
                m("name", array(scalar(Scalar.CHAR), 5)),
                m("total", scalar(Scalar.LONG_LONG)));
        s.struct("message",
                m("len", scalar(Scalar.UINT32)),
                m("data", array(scalar(Scalar.UINT16), -1)));
        return s.spec();
    }

    /** A union, a struct with an anonymous union and a named member of anonymous struct type. */
    static Spec unions() {
        Model s = new Model("test.unions", "unions.layout");
        RecordDecl point = s.struct("pair", m("a", scalar(Scalar.INT32)), m("b", scalar(Scalar.INT32)));
        s.record(RecordDecl.Kind.UNION, "value", 1, false,
                m("i", scalar(Scalar.INT64)),
                m("d", scalar(Scalar.DOUBLE)),
                m("bytes", array(scalar(Scalar.UINT8), 8)),
                m("p", of(point)));
        RecordDecl anonUnion = s.anonymous(RecordDecl.Kind.UNION, "", 1, false,
                m("as_int", scalar(Scalar.INT32)), m("as_float", scalar(Scalar.FLOAT)));
        RecordDecl anonStruct = s.anonymous(RecordDecl.Kind.STRUCT, "", 1, false,
                m("lo", scalar(Scalar.UINT16)), m("hi", scalar(Scalar.UINT16)));
        s.struct("tagged",
                m("tag", scalar(Scalar.UINT8)),
                m("", of(anonUnion)),
                m("range", of(anonStruct)),
                m("after", scalar(Scalar.INT64)));
        return s.spec();
    }

    /**
     * A packed wire header, a packed struct holding an ordinary one (whose members FFM must see
     * 1-aligned), members raised by @align, and a struct with atomic words.
     */
    static Spec packed() {
        Model s = new Model("test.packed", "packed.layout");
        RecordDecl inner = s.struct("inner", m("a", scalar(Scalar.UINT16)), m("b", scalar(Scalar.UINT32)));
        s.record(RecordDecl.Kind.STRUCT, "packed_outer", 1, true,
                m("k", scalar(Scalar.UINT8)),
                m("in", of(inner)),
                m("pair", array(of(inner), 2)),
                m("tail", scalar(Scalar.UINT8)));
        s.struct("raised",
                m("c", scalar(Scalar.UINT8)),
                m("in", of(inner)).align(16),
                m("arr", array(scalar(Scalar.UINT16), 3)).align(8),
                m("last", scalar(Scalar.UINT8)));
        s.record(RecordDecl.Kind.STRUCT, "wire", 1, true,
                m("type", scalar(Scalar.UINT8)),
                m("len", scalar(Scalar.UINT32)),
                m("port", scalar(Scalar.UINT16)),
                m("stamp", scalar(Scalar.UINT64)));
        s.struct("counter",
                m("tag", scalar(Scalar.UINT16)),
                m("count", scalar(Scalar.INT32)).volatile_().align(4),
                m("total", scalar(Scalar.INT64)).atomic());
        return s.spec();
    }

    /** The m68k trap: a volatile int after a short sits on a 2-byte boundary there. */
    static Spec loose() {
        Model s = new Model("test.loose", "loose.layout");
        s.struct("loose",
                m("tag", scalar(Scalar.UINT16)),
                m("count", scalar(Scalar.INT32)).volatile_());
        return s.spec();
    }
}
