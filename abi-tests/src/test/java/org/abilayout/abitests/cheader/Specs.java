package org.abilayout.abitests.cheader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.predicate.PredicateParser;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.PerTarget;
import org.abilayout.spec.traits.RecordTraits;

/**
 * Representative specs for the C header proofs, built as models by hand (the spec text parser
 * was not merged when these were written): each one exercises a family of C constructs whose
 * layout differs between targets.
 */
final class Specs {
    private Specs() {}

    static final Qualifiers VOLATILE = new Qualifiers(false, true, false);
    static final Qualifiers ATOMIC = new Qualifiers(false, false, true);
    static final Qualifiers CONST = new Qualifiers(true, false, false);

    /** FreeBSD's umtx words: version 2 of struct umutex with its ilp32-only pad word. */
    static Spec umtx() {
        TypedefDecl lwpid = typedef("lwpid_t", scalar(Scalar.INT32));
        EnumDecl flags = new EnumDecl("umutex_flags", Optional.of(Scalar.UINT32), List.of(
                enumerator("USYNC_PROCESS_SHARED", 1), enumerator("UMUTEX_PRIO_INHERIT", 4),
                enumerator("UMUTEX_PRIO_PROTECT", 8)), Optional.of("Flags of struct umutex (m_flags)."), List.of(),
                SourcePos.NONE);
        RecordDecl umutex = record(RecordDecl.Kind.STRUCT, "umutex", traits(2),
                member("m_owner", CType.TypedefType.of(lwpid), VOLATILE, MemberTraits.NONE),
                member("m_flags", CType.EnumType.of(flags)),
                member("m_ceilings", array(scalar(Scalar.UINT32), 2)),
                member("m_rb_lnk", scalar(Scalar.UINTPTR), since(2)),
                member("m_pad", scalar(Scalar.UINT32), when(2, "ilp32")),
                member("m_spare", array(scalar(Scalar.UINT32), 2), reserved()));
        RecordDecl ucond = record(RecordDecl.Kind.STRUCT, "ucond", traits(1),
                member("c_has_waiters", scalar(Scalar.UINT32), VOLATILE, MemberTraits.NONE),
                member("c_flags", scalar(Scalar.UINT32)),
                member("c_clockid", scalar(Scalar.UINT32)),
                member("c_spare", array(scalar(Scalar.UINT32), 1), reserved()));
        return spec("freebsd.umtx", lwpid,
                new ConstDecl("UMUTEX_CONTESTED", Scalar.UINT32, 0x80000000L, Optional.of("Set in m_owner when threads wait."),
                        List.of(), SourcePos.NONE),
                flags, umutex, ucond);
    }

    /**
     * Holes that differ per target: 64-bit members after 32-bit ones (4-byte hole on LP64, none
     * on i386, 2 on m68k), long double, pointers, atomics, a version field, a plain enum, bool,
     * ssize_t, wchar_t, multi-dimensional and flexible arrays, function pointers.
     */
    static Spec holes() {
        EnumDecl color = new EnumDecl("color", Optional.empty(), List.of(enumerator("COLOR_RED", 0),
                enumerator("COLOR_GREEN", 1), enumerator("COLOR_NEGATIVE", -5)), Optional.of("A plain enum: int-sized."),
                List.of(), SourcePos.NONE);
        TypedefDecl callback = typedef("callback_fn", fnPtr(scalar(Scalar.INT), voidPtr(), scalar(Scalar.LONG)));
        RecordDecl point = record(RecordDecl.Kind.STRUCT, "point", traits(1),
                member("x", scalar(Scalar.SHORT)), member("y", scalar(Scalar.DOUBLE)));
        RecordDecl mixed = record(RecordDecl.Kind.STRUCT, "mixed", traits(3),
                member("version", scalar(Scalar.UINT16), versionField()),
                member("flag", scalar(Scalar.BOOL)),
                member("c", scalar(Scalar.CHAR)),
                member("big", scalar(Scalar.UINT64)),
                member("count", scalar(Scalar.INT32)),
                member("where", CType.RecordType.of(point)),
                member("ld", scalar(Scalar.LONG_DOUBLE)),
                member("tiny", scalar(Scalar.UINT8)),
                member("ptr", new CType.PointerType(CType.qualified(scalar(Scalar.CHAR), CONST)), VOLATILE, MemberTraits.NONE),
                member("atomic_word", scalar(Scalar.UINT64), ATOMIC, MemberTraits.NONE),
                member("atomic_ptr", voidPtr(), ATOMIC, MemberTraits.NONE),
                member("hue", CType.EnumType.of(color)),
                member("len", scalar(Scalar.SSIZE)),
                member("wide", scalar(Scalar.WCHAR)),
                member("grid", array(array(scalar(Scalar.UINT16), 3), 2)),
                member("cb", CType.TypedefType.of(callback)),
                member("handlers", array(fnPtr(CType.VoidType.INSTANCE, scalar(Scalar.INT)), 2)),
                member("l", scalar(Scalar.LONG), since(2)),
                member("tail", scalar(Scalar.CHAR), since(3)));
        RecordDecl message = record(RecordDecl.Kind.STRUCT, "message", traits(1),
                member("length", scalar(Scalar.UINT64)),
                member("kind", scalar(Scalar.UINT8)),
                member("payload", new CType.ArrayType(scalar(Scalar.UINT32), OptionalLong.empty())));
        RecordDecl bytes = record(RecordDecl.Kind.STRUCT, "byte_tail", traits(1),
                member("size", scalar(Scalar.LONG)),
                member("tag", scalar(Scalar.CHAR)),
                member("data", new CType.ArrayType(scalar(Scalar.CHAR), OptionalLong.empty())));
        return spec("test.holes", color, callback, point, mixed, message, bytes,
                new ConstDecl("BIG_LIMIT", Scalar.UINT64, -1L, Optional.empty(), List.of(), SourcePos.NONE),
                new ConstDecl("NEG_LIMIT", Scalar.INT64, Long.MIN_VALUE, Optional.empty(), List.of(), SourcePos.NONE),
                new ConstDecl("SMALL", Scalar.INT32, -7, Optional.empty(), List.of(), SourcePos.NONE));
    }

    /**
     * glibc's pattern: anonymous unions and structs, a named member of anonymous struct type,
     * @align members, @pad_to on a union, @if members, @offset, @packed and @align records.
     */
    static Spec nested() {
        RecordDecl list = record(RecordDecl.Kind.STRUCT, "node", traits(1),
                member("prev", new CType.PointerType(new CType.RecordType(org.abilayout.spec.model.RecordRef.named(RecordDecl.Kind.STRUCT, "node")))),
                member("next", new CType.PointerType(new CType.RecordType(org.abilayout.spec.model.RecordRef.named(RecordDecl.Kind.STRUCT, "node")))));
        RecordDecl slist = anonymous(RecordDecl.Kind.UNION,
                member("spins32", scalar(Scalar.INT)),
                member("short_link", new CType.PointerType(new CType.RecordType(org.abilayout.spec.model.RecordRef.named(RecordDecl.Kind.STRUCT, "node")))));
        Member lock = new Member("lock", CType.qualified(scalar(Scalar.INT), VOLATILE), OptionalLong.of(4), Optional.of("The lock word."),
                List.of(), MemberTraits.NONE, SourcePos.NONE);
        RecordDecl mutex = record(RecordDecl.Kind.STRUCT, "mutex_s", traits(1),
                lock,
                member("count", scalar(Scalar.UINT)),
                member("owner", scalar(Scalar.INT)),
                member("nusers", scalar(Scalar.UINT)),
                member("kind", scalar(Scalar.INT), pinned(16)),
                member("spins", scalar(Scalar.INT), when(1, "!ilp32")),
                member("list", CType.RecordType.of(list), when(1, "!ilp32")),
                member("", CType.RecordType.of(slist), when(1, "ilp32")));
        RecordDecl mutexT = new RecordDecl(RecordDecl.Kind.UNION, "mutex_t", List.of(
                member("data", CType.RecordType.of(mutex)), member("align_", scalar(Scalar.LONG))),
                false, OptionalLong.empty(), Optional.of("Padded to glibc's sizes."), List.of(),
                new RecordTraits(1, PerTarget.NONE, new PerTarget(List.of(
                        new PerTarget.Entry(new PerTarget.Key.Model(DataModel.LP64), 40, SourcePos.NONE),
                        new PerTarget.Entry(new PerTarget.Key.Model(DataModel.LLP64), 40, SourcePos.NONE),
                        new PerTarget.Entry(new PerTarget.Key.Model(DataModel.ILP32), 24, SourcePos.NONE),
                        new PerTarget.Entry(new PerTarget.Key.Named("aarch64-linux-gnu"), 48, SourcePos.NONE))),
                        false, List.of()), SourcePos.NONE);
        RecordDecl halves = anonymous(RecordDecl.Kind.STRUCT,
                member("low", scalar(Scalar.UINT)), member("high", scalar(Scalar.UINT)));
        RecordDecl counter = record(RecordDecl.Kind.UNION, "wide_counter", traits(1),
                member("value64", scalar(Scalar.ULONG_LONG)),
                member("value32", CType.RecordType.of(halves)));
        RecordDecl inner = anonymous(RecordDecl.Kind.STRUCT,
                member("a", scalar(Scalar.CHAR)), member("b", scalar(Scalar.INT64)));
        RecordDecl outer = record(RecordDecl.Kind.STRUCT, "outer", traits(2),
                member("tag", scalar(Scalar.UINT8)),
                member("", CType.RecordType.of(inner)),
                member("c", scalar(Scalar.CHAR), since(2)),
                member("u5", CType.RecordType.of(anonymous(RecordDecl.Kind.UNION,
                        member("bytes", array(scalar(Scalar.CHAR), 5)), member("word", scalar(Scalar.INT))))));
        RecordDecl wire = new RecordDecl(RecordDecl.Kind.STRUCT, "wire", List.of(
                member("type", scalar(Scalar.UINT8)), member("length", scalar(Scalar.UINT32)),
                member("stamp", scalar(Scalar.DOUBLE))), true, OptionalLong.empty(), Optional.of("A packed wire header."),
                List.of(), RecordTraits.NONE, SourcePos.NONE);
        RecordDecl cacheLine = new RecordDecl(RecordDecl.Kind.STRUCT, "cache_line", List.of(
                member("seq", scalar(Scalar.UINT32)), member("bits", array(scalar(Scalar.UINT8), 3))),
                false, OptionalLong.of(64), Optional.of("Aligned to a cache line."), List.of(), RecordTraits.NONE,
                SourcePos.NONE);
        Member alignedMember = new Member("aligned_word",  scalar(Scalar.UINT32), OptionalLong.of(8),
                Optional.empty(), List.of(), MemberTraits.NONE, SourcePos.NONE);
        RecordDecl packedAligned = new RecordDecl(RecordDecl.Kind.STRUCT, "packed_aligned", List.of(
                member("c", scalar(Scalar.CHAR)), alignedMember, member("d", scalar(Scalar.UINT16))), true,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, SourcePos.NONE);
        RecordDecl platform = record(RecordDecl.Kind.STRUCT, "platform", traits(1),
                member("common", scalar(Scalar.UINT32)),
                member("on_lp64", scalar(Scalar.UINT64), when(1, "lp64")),
                member("on_llp64", scalar(Scalar.UINT16), when(1, "llp64")),
                member("on_be", scalar(Scalar.UINT8), when(1, "big_endian && !arch(m68k)")),
                member("on_x86", scalar(Scalar.UINT32), when(1, "arch(x86_64, i386) || os(darwin)")),
                member("on_one", scalar(Scalar.UINT8), when(1, "target(riscv64-freebsd, m68k-linux-gnu)")),
                member("end", scalar(Scalar.UINT8)));
        return spec("test.nested", list, mutex, mutexT, counter, outer, wire, cacheLine, packedAligned, platform);
    }

    /**
     * Corners: a packed struct holding a non-packed anonymous struct and the reverse, an @align'ed anonymous
     * union, a packed union, an _Atomic typedef, const members, typedefs of pointers and arrays,
     * pointees spelled with _Atomic, _Bool and ssize_t,
     * an array of anonymous structs, a version field that exists on some targets only, and
     * atomics of every width (i386 raises _Atomic long long to 8, m68k raises nothing).
     */
    static Spec corners() {
        TypedefDecl atomicCounter = new TypedefDecl("atomic_counter", CType.qualified(scalar(Scalar.UINT64), ATOMIC), Optional.empty(),
                List.of(), SourcePos.NONE);
        TypedefDecl name = typedef("name_buf", array(scalar(Scalar.CHAR), 6));
        TypedefDecl cstr = typedef("cstr", new CType.PointerType(CType.qualified(scalar(Scalar.CHAR), CONST)));
        RecordDecl inner = anonymous(RecordDecl.Kind.STRUCT,
                member("x", scalar(Scalar.CHAR)), member("y", scalar(Scalar.INT)));
        RecordDecl packedOuter = new RecordDecl(RecordDecl.Kind.STRUCT, "packed_outer", List.of(
                member("lead", scalar(Scalar.CHAR)),
                member("", CType.RecordType.of(inner)),
                member("after", scalar(Scalar.UINT16))), true, OptionalLong.empty(), Optional.empty(), List.of(),
                RecordTraits.NONE, SourcePos.NONE);
        RecordDecl alignedUnion = new RecordDecl(RecordDecl.Kind.UNION, "", List.of(
                member("i", scalar(Scalar.INT)), member("f", scalar(Scalar.FLOAT))), false, OptionalLong.of(16),
                Optional.empty(), List.of(), RecordTraits.NONE, SourcePos.NONE);
        RecordDecl packedUnion = new RecordDecl(RecordDecl.Kind.UNION, "packed_union", List.of(
                member("c", array(scalar(Scalar.CHAR), 3)), member("d", scalar(Scalar.DOUBLE))), true,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, SourcePos.NONE);
        RecordDecl pair = anonymous(RecordDecl.Kind.STRUCT,
                member("key", scalar(Scalar.UINT16)), member("value", scalar(Scalar.UINT32)));
        RecordDecl misc = record(RecordDecl.Kind.STRUCT, "misc", traits(4),
                member("flag", scalar(Scalar.UINT8)),
                member("", CType.RecordType.of(alignedUnion)),
                member("count", CType.TypedefType.of(atomicCounter)),
                member("a16", scalar(Scalar.UINT16), ATOMIC, MemberTraits.NONE),
                member("a64", scalar(Scalar.INT64), ATOMIC, MemberTraits.NONE),
                member("adbl", scalar(Scalar.DOUBLE), ATOMIC, MemberTraits.NONE),
                member("magic", scalar(Scalar.UINT32), CONST, MemberTraits.NONE),
                member("label", CType.TypedefType.of(name)),
                member("text", CType.TypedefType.of(cstr)),
                member("pairs", array(CType.RecordType.of(pair), 3)),
                member("abi", scalar(Scalar.UINT32), new MemberTraits(Optional.of(predicate("lp64")), 1, false,
                        OptionalLong.empty(), true)),
                member("last", scalar(Scalar.UINT8), since(4)));
        RecordDecl packedInner = new RecordDecl(RecordDecl.Kind.STRUCT, "", List.of(
                member("b", scalar(Scalar.CHAR)), member("c", scalar(Scalar.INT))), true, OptionalLong.empty(),
                Optional.empty(), List.of(), RecordTraits.NONE, SourcePos.NONE);
        RecordDecl holder = record(RecordDecl.Kind.STRUCT, "packed_inside", traits(1),
                member("a", scalar(Scalar.CHAR)),
                member("", CType.RecordType.of(packedInner)),
                member("d", scalar(Scalar.INT)),
                member("watch", new CType.PointerType(CType.qualified(scalar(Scalar.INT), ATOMIC))),
                member("pred", fnPtr(scalar(Scalar.BOOL), scalar(Scalar.SSIZE))));
        // a packed struct holding a union of higher alignment: clang warns about the under-aligned
        // member on strict-alignment targets (ARM) unless the header says it is deliberate
        RecordDecl wide = record(RecordDecl.Kind.UNION, "wide_u", traits(1),
                member("a", scalar(Scalar.UINT32)), member("b", scalar(Scalar.UINT64)));
        RecordDecl packedHolder = new RecordDecl(RecordDecl.Kind.STRUCT, "packed_holder", List.of(
                member("c", scalar(Scalar.CHAR)),
                member("x", CType.RecordType.of(wide)),
                member("xs", array(CType.RecordType.of(wide), 2))), true, OptionalLong.empty(), Optional.empty(), List.of(),
                RecordTraits.NONE, SourcePos.NONE);
        return spec("test.corners", atomicCounter, name, cstr, packedOuter, packedUnion, misc, holder, wide, packedHolder);
    }

    /** Every representative spec: the hand-built models, then every example spec of the repository. */
    static List<Spec> all() {
        List<Spec> out = new ArrayList<>();
        out.add(umtx());
        out.add(holes());
        out.add(nested());
        out.add(corners());
        out.add(outOfOrder());
        out.addAll(examples());
        return out;
    }

    /**
     * Declarations in an order the spec language allows and C does not: a struct used by value
     * before it is declared, a typedef name used behind a pointer before its typedef, and the
     * C idiom of a typedef of a struct that is defined after it. The header must reorder them.
     */
    static Spec outOfOrder() {
        try {
            return org.abilayout.spec.SpecReader.parse(new org.abilayout.spec.source.SourceFile("order.layout", """
                    package order;
                    typedef struct ooo_node ooo_node_t;
                    struct ooo_outer { struct ooo_inner in; ooo_node_t *head; ooo_id_t id; };
                    struct ooo_node { ooo_node_t *next; struct ooo_inner value; };
                    struct ooo_inner { int32_t x; int16_t y; };
                    typedef uint32_t ooo_id_t;
                    """));
        } catch (org.abilayout.spec.source.SpecException e) {
            throw new AssertionError(e.render(), e);
        }
    }

    /** The repository's {@code examples/**}{@code /*.layout}, parsed, in path order. */
    static List<Spec> examples() {
        Path dir = examplesDir();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Spec> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".layout")).sorted().toList()) {
                out.add(SpecReader.read(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SpecException e) {
            throw new AssertionError("an example spec does not parse:\n" + e.render(), e);
        }
    }

    private static Path examplesDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples");
            if (Files.isDirectory(candidate.resolve("freebsd"))) return candidate;
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    // --- builders --------------------------------------------------------------------------------

    static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    static CType array(CType element, long length) {
        return new CType.ArrayType(element, OptionalLong.of(length));
    }

    static CType voidPtr() {
        return new CType.PointerType(CType.VoidType.INSTANCE);
    }

    static CType fnPtr(CType result, CType... params) {
        return new CType.PointerType(new CType.FunctionType(result,
                java.util.Arrays.stream(params).map(p -> new CType.Param("", p)).toList(), false));
    }

    static TypedefDecl typedef(String name, CType type) {
        return new TypedefDecl(name,  type, Optional.empty(), List.of(), SourcePos.NONE);
    }

    static EnumDecl.Enumerator enumerator(String name, long value) {
        return new EnumDecl.Enumerator(name, value, Optional.empty(), SourcePos.NONE);
    }

    static Member member(String name, CType type) {
        return member(name, type, Qualifiers.NONE, MemberTraits.NONE);
    }

    static Member member(String name, CType type, MemberTraits traits) {
        return member(name, type, Qualifiers.NONE, traits);
    }

    static Member member(String name, CType type, Qualifiers q, MemberTraits traits) {
        return new Member(name, CType.qualified(type, q), OptionalLong.empty(), Optional.empty(), List.of(), traits, SourcePos.NONE);
    }

    static MemberTraits since(int version) {
        return new MemberTraits(Optional.empty(), version, false, OptionalLong.empty(), false);
    }

    static MemberTraits reserved() {
        return new MemberTraits(Optional.empty(), 1, true, OptionalLong.empty(), false);
    }

    static MemberTraits versionField() {
        return new MemberTraits(Optional.empty(), 1, false, OptionalLong.empty(), true);
    }

    static MemberTraits pinned(long offset) {
        return new MemberTraits(Optional.empty(), 1, false, OptionalLong.of(offset), false);
    }

    static MemberTraits when(int since, String predicate) {
        return new MemberTraits(Optional.of(predicate(predicate)), since, false, OptionalLong.empty(), false);
    }

    static Predicate predicate(String text) {
        try {
            return PredicateParser.parse(text);
        } catch (PredicateParser.PredicateException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static RecordTraits traits(int version) {
        return new RecordTraits(version, PerTarget.NONE, PerTarget.NONE, false, List.of());
    }

    static RecordDecl record(RecordDecl.Kind kind, String name, RecordTraits traits, Member... members) {
        return new RecordDecl(kind, name, List.of(members), false, OptionalLong.empty(), Optional.empty(), List.of(),
                traits, SourcePos.NONE);
    }

    static RecordDecl anonymous(RecordDecl.Kind kind, Member... members) {
        return record(kind, "", RecordTraits.NONE, members);
    }

    static Spec spec(String pkg, Decl... decls) {
        return new Spec(pkg, new SourceFile("model:" + pkg, ""), List.of(decls));
    }
}
