package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

class RecordTest {

    private static String spelled(Spec spec, String typedef) {
        return org.abilayout.spec.cdecl.DeclaratorWriter.spec(((TypedefDecl) spec.decl(typedef).orElseThrow()).type());
    }

    @Test
    void anonymousUnionMemberIsAnUnnamedMemberOfAnAnonymousRecord() {
        RecordDecl s = Specs.record(Specs.ok("struct s { int tag; union { int a; float b; }; };"), "s");
        Member anon = s.members().get(1);
        assertTrue(anon.isAnonymous());
        RecordDecl u = ((CType.RecordType) anon.type()).decl();
        assertTrue(u.isAnonymous());
        assertEquals(RecordDecl.Kind.UNION, u.kind());
        assertEquals(List.of("a", "b"), u.members().stream().map(Member::name).toList());
    }

    @Test
    void inlineAnonymousStructMemberHasAName() {
        RecordDecl s = Specs.record(Specs.ok("struct s { struct { int x; int y; } pos; };"), "s");
        Member pos = Specs.member(s, "pos");
        assertTrue(((CType.RecordType) pos.type()).decl().isAnonymous());
    }

    @Test
    void inlineTaggedStructIsAlsoATopLevelDeclarationUsableLater() {
        Spec spec = Specs.ok("struct s { struct point { int x, y; } origin; };\nstruct t { struct point p; };");
        assertEquals(List.of("point", "s", "t"), spec.decls().stream().map(d -> d.name()).toList());
        RecordDecl point = Specs.record(spec, "point");
        assertSame(point, ((CType.RecordType) Specs.member(Specs.record(spec, "s"), "origin").type()).decl());
        assertSame(point, ((CType.RecordType) Specs.member(Specs.record(spec, "t"), "p").type()).decl());
    }

    @Test
    void structsMayUseStructsDeclaredLater() {
        Spec spec = Specs.ok("struct outer { struct inner i; inner_t j; };\ntypedef struct inner inner_t;\nstruct inner { long v; };");
        RecordDecl outer = Specs.record(spec, "outer");
        assertEquals("inner", ((CType.RecordType) Specs.member(outer, "i").type()).decl().name());
        assertEquals(List.of("outer", "inner_t", "inner"), spec.decls().stream().map(d -> d.name()).toList());
    }

    @Test
    void nestedStructByValueLaysOut() throws SpecException {
        Spec spec = Specs.ok("struct point { int x; int y; };\nstruct rect { char tag; struct point a, b; };");
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow()).record("rect").orElseThrow();
        // tag at 0; struct point has alignment 4 (its ints) and size 8: a at 4, b at 12; size 20
        assertEquals(List.of(0L, 4L, 12L), l.fields().stream().map(f -> f.offset()).toList());
        assertEquals(20, l.size());
    }

    @Test
    void flexibleArrayMemberAsTheLastMember() {
        RecordDecl s = Specs.record(Specs.ok("struct msg { int len; char data[]; };"), "msg");
        CType.ArrayType data = (CType.ArrayType) Specs.member(s, "data").type();
        assertTrue(data.isFlexible());
        assertEquals(new CType.ScalarType(Scalar.CHAR), data.element());
    }

    @Test
    void flexibleArrayMemberRules() {
        assertEquals("2:16: a flexible array member must be the last member of the struct",
                Specs.errors("struct s { int a[]; int n; };"));
        assertEquals("2:16: a flexible array member needs at least one other member before it",
                Specs.errors("struct s { int a[]; };"));
        assertEquals("2:23: a flexible array member is not allowed in a union",
                Specs.errors("union u { int n; char a[]; };"));
        assertEquals("3:28: struct f ends in a flexible array member and cannot be a member of another struct or union",
                Specs.errors("struct f { int n; char d[]; };\nstruct s { int x; struct f inner; };"));
        assertEquals("3:31: struct f ends in a flexible array member and cannot be an array element",
                Specs.errors("struct f { int n; char d[]; };\nstruct s { int x; struct f arr[2]; };"));
        assertEquals("2:17: a flexible array is only allowed as the last member of a struct, not in a typedef",
                Specs.errors("typedef int flex[];"));
    }

    @Test
    void emptyStructsAndUnionsAreRejected() {
        assertEquals("2:8: an empty struct has no portable layout: GCC gives it size 0, C++ size 1, MSVC rejects it (struct e)",
                Specs.errors("struct e { };"));
        assertEquals("2:7: an empty union has no portable layout: GCC gives it size 0, C++ size 1, MSVC rejects it (union u)",
                Specs.errors("union u {};"));
    }

    @Test
    void duplicateMemberNamesIncludingLiftedOnes() {
        assertEquals("2:24: duplicate member 'x' (first declared on line 2)", Specs.errors("struct s { int x; long x; };"));
        assertEquals("3:15: duplicate member 'a' (first declared on line 2)",
                Specs.errors("struct s { int a;\n  union { int a; float b; };\n};"));
    }

    @Test
    void duplicateTypeNamesMentionTheFirstDefinition() {
        assertEquals("3:8: duplicate definition of struct 's' (first defined on line 2)",
                Specs.errors("struct s { int x; };\nstruct s { int y; };"));
        assertEquals("3:7: duplicate definition of union 's' (first defined on line 2)",
                Specs.errors("struct s { int x; };\nunion s { int y; };"));
        assertEquals("3:14: duplicate type name 't' (first defined on line 2)",
                Specs.errors("typedef int t;\ntypedef long t;"));
        assertEquals("3:11: duplicate constant name 'A' (first defined on line 2)",
                Specs.errors("enum e { A };\nconst int A = 1;"));
        assertEquals("2:13: 'uint32_t' is a standard type name and cannot be redefined",
                Specs.errors("typedef int uint32_t;"));
    }

    @Test
    void typedefMayReuseItsOwnTagOnly() {
        Spec spec = Specs.ok("typedef struct foo foo;\nstruct foo { int x; };");
        assertEquals(2, spec.decls().size());
        assertEquals("3:13: 'bar' is already the tag declared on line 2; only 'typedef struct bar bar;' may reuse a tag name",
                Specs.errors("struct bar { int x; };\ntypedef int bar;"));
    }

    @Test
    void recursiveContainmentNamesTheCycle() {
        assertEquals("2:19: recursive containment by value: a -> b -> a (a type cannot contain itself; use a pointer)",
                Specs.errors("struct a { struct b x; };\nstruct b { struct a y; };"));
        assertEquals("2:19: recursive containment by value: a -> a (a type cannot contain itself; use a pointer)",
                Specs.errors("struct a { struct a self; };"));
        assertEquals("2:28: recursive containment by value: a -> a_t -> a (a type cannot contain itself; use a pointer)",
                Specs.errors("struct a { int n; struct { a_t inner; } w; };\ntypedef struct a a_t;"));
    }

    @Test
    void pointersBreakCycles() {
        Spec spec = Specs.ok("struct node { int v; struct node *next; node_t *prev; };\ntypedef struct node node_t;");
        CType.PointerType prev = (CType.PointerType) Specs.member(Specs.record(spec, "node"), "prev").type();
        assertEquals(spec.decl("node_t").orElseThrow(), ((CType.TypedefType) prev.target()).decl());
    }

    @Test
    void typedefCyclesAreReported() {
        assertEquals("2:9: recursive containment by value: a_t -> b_t -> a_t (a type cannot contain itself; use a pointer)",
                Specs.errors("typedef b_t a_t;\ntypedef a_t b_t;"));
    }

    @Test
    void longContainmentChainsAreBoundedWithoutRecursion() {
        StringBuilder sb = new StringBuilder();
        int n = 2000;
        for (int i = 0; i < n; i++) sb.append("struct s").append(i).append(" { struct s").append(i + 1).append(" x; };\n");
        sb.append("struct s").append(n).append(" { int leaf; };\n");
        String errors = Specs.errors(sb.toString());
        // the deepest struct that breaks the bound is the first reported; its users fail silently
        assertEquals(1, errors.lines().count(), errors);
        assertTrue(errors.contains("nests more than 256 levels of structs, unions, arrays and typedefs by value"), errors);
    }

    @Test
    void aChainWithinTheBoundIsFine() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) sb.append("struct s").append(i).append(" { struct s").append(i + 1).append(" x; };\n");
        sb.append("struct s100 { int leaf; };\n");
        assertEquals(101, Specs.ok(sb.toString()).records().size());
    }

    @Test
    void typedefChains() {
        Spec spec = Specs.ok("typedef uint32_t u32;\ntypedef u32 word_t;\ntypedef word_t words_t[4];\nstruct s { words_t w; };");
        TypedefDecl words = (TypedefDecl) spec.decl("words_t").orElseThrow();
        CType.ArrayType arr = (CType.ArrayType) words.type();
        assertEquals(OptionalLong.of(4), arr.length());
        assertEquals(new CType.ScalarType(Scalar.UINT32), arr.element().unwrap());
        assertEquals(words, ((CType.TypedefType) Specs.member(Specs.record(spec, "s"), "w").type()).decl());
    }

    @Test
    void typedefForms() {
        Spec spec = Specs.ok("typedef char name_t[16];\ntypedef struct foo foo_t;\nstruct foo { int x; };\n"
                + "typedef struct { int x; } anon_t;\ntypedef int a_t, *ptr_t;\ntypedef const char *str_t;\n"
                + "typedef int (*cb_t)(void *);\ntypedef volatile int vint_t;");
        TypedefDecl anon = (TypedefDecl) spec.decl("anon_t").orElseThrow();
        assertTrue(((CType.RecordType) anon.type()).decl().isAnonymous());
        assertEquals("int *", spelled(spec, "ptr_t"));
        assertEquals("const char *", spelled(spec, "str_t"));
        assertEquals("int (*)(void *)", spelled(spec, "cb_t"));
        assertEquals("char[16]", spelled(spec, "name_t"));
        assertTrue(((TypedefDecl) spec.decl("vint_t").orElseThrow()).qualifiers().isVolatile());
        // the anonymous record is laid out wherever the typedef is used
        assertFalse(spec.records().stream().anyMatch(RecordDecl::isAnonymous));
    }

    @Test
    void typedefsOfUndefinedStructsAreUsableBehindPointers() {
        Spec spec = Specs.ok("typedef struct opaque opaque_t;\nstruct s { opaque_t *handle; };");
        assertEquals("opaque_t *", org.abilayout.spec.cdecl.DeclaratorWriter.spec(
                Specs.member(Specs.record(spec, "s"), "handle").type()));
        // the typedef names an incomplete struct: it is in the model, and reaches no layout
        assertEquals(List.of("opaque_t", "s"), spec.decls().stream().map(d -> d.name()).toList());
        assertFalse(((CType.RecordType) ((TypedefDecl) spec.decl("opaque_t").orElseThrow()).type()).isComplete());
        assertEquals("3:12: 'opaque_t' is struct opaque, which is not defined in this spec (an undefined type can only be "
                + "used behind a pointer)", Specs.errors("typedef struct opaque opaque_t;\nstruct s { opaque_t v; };"));
    }

    @Test
    void forwardDeclarationsDeclareNothing() {
        Spec spec = Specs.ok("struct later;\nstruct s { struct later *p; };\nstruct later { int x; };");
        assertEquals(List.of("s", "later"), spec.decls().stream().map(d -> d.name()).toList());
    }

    @Test
    void declarationsThatDeclareNothing() {
        assertEquals("2:12: declaration does not declare anything: a member needs a name", Specs.errors("struct s { int; int x; };"));
        assertEquals("2:12: declaration does not declare anything: a tagged struct inside a struct only declares its tag; "
                + "drop the tag for an anonymous member, or add a member name",
                Specs.errors("struct s { struct in { int a; }; int x; };"));
        assertEquals("2:1: an anonymous struct at top level declares nothing; give it a tag", Specs.errors("struct { int x; };"));
    }

    @Test
    void typedefOfAnAnonymousStructAndAPointerToIt() {
        Spec spec = Specs.ok("typedef struct { int x; } point_t, *point_p;");
        assertEquals("point_t *", spelled(spec, "point_p"));
    }

    @Test
    void anonymousRecordsCannotBePointedTo() {
        assertEquals("2:12: an anonymous struct cannot be pointed to; give it a tag",
                Specs.errors("struct s { struct { int x; } *p; };"));
    }

    @Test
    void docCommentsAttach() {
        Spec spec = Specs.ok("""
                /// A point.
                ///  Two lines, the second indented.
                struct point {
                    /// X coordinate
                    int x; // not a doc
                    //// four slashes are not a doc either
                    int y;
                };
                /// dangling doc, dropped
                """);
        RecordDecl p = Specs.record(spec, "point");
        assertEquals(Optional.of("A point.\n Two lines, the second indented."), p.doc());
        assertEquals(Optional.of("X coordinate"), Specs.member(p, "x").doc());
        assertEquals(Optional.empty(), Specs.member(p, "y").doc());
    }

    @Test
    void docCommentBeforeAnnotationsAttachesToTheDeclaration() {
        Spec spec = Specs.ok("/// doc\n@version(1)\nstruct s { /// m\n @since(1) int m; };\nenum e {\n /// first\n A,\n B };");
        assertEquals(Optional.of("doc"), Specs.record(spec, "s").doc());
        assertEquals(Optional.of("m"), Specs.member(Specs.record(spec, "s"), "m").doc());
        var e = (org.abilayout.spec.model.EnumDecl) spec.decl("e").orElseThrow();
        assertEquals(Optional.of("first"), e.values().get(0).doc());
        assertEquals(Optional.empty(), e.values().get(1).doc());
    }
}
