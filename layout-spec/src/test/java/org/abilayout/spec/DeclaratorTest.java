package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.junit.jupiter.api.Test;

class DeclaratorTest {
    private static final CType INT = new CType.ScalarType(Scalar.INT);
    private static final Qualifiers NONE = Qualifiers.NONE;
    private static final Qualifiers CONST = new Qualifiers(true, false, false);
    private static final Qualifiers VOLATILE = new Qualifiers(false, true, false);
    private static final Qualifiers ATOMIC = new Qualifiers(false, false, true);

    private static RecordDecl struct(String members) {
        return Specs.record(Specs.ok("struct s { " + members + " };"), "s");
    }

    private static Member m(String members, String name) {
        return Specs.member(struct(members), name);
    }

    /** The type as the spec spells it: the declarator writer and the resolver agree on every value. */
    private static String spelled(CType type) {
        return DeclaratorWriter.spec(type);
    }

    @Test
    void multipleDeclaratorsShareTheBaseType() {
        RecordDecl s = struct("int a, b[4], *c;");
        assertEquals(List.of("a", "b", "c"), s.members().stream().map(Member::name).toList());
        assertEquals(INT, s.members().get(0).type());
        assertEquals(new CType.ArrayType(INT, OptionalLong.of(4)), s.members().get(1).type());
        assertEquals(new CType.PointerType(INT), s.members().get(2).type());
    }

    @Test
    void multiDimensionalArraysNestOuterFirst() {
        // int a[2][3] is an array of 2 arrays of 3 ints
        assertEquals(new CType.ArrayType(new CType.ArrayType(INT, OptionalLong.of(3)), OptionalLong.of(2)),
                m("int a[2][3];", "a").type());
    }

    @Test
    void pointersCarryTheirTargetTypes() {
        assertEquals(new CType.PointerType(CType.VoidType.INSTANCE), m("void *p;", "p").type());
        CType next = m("struct node *next;", "next").type();
        assertEquals(new CType.PointerType(new CType.RecordType(
                org.abilayout.spec.model.RecordRef.named(RecordDecl.Kind.STRUCT, "node"))), next);
        assertEquals("const char *const *", spelled(m("const char *const *pp;", "pp").type()));
        assertEquals(new CType.PointerType(new CType.PointerType(new CType.ScalarType(Scalar.CHAR))),
                m("char **argv;", "argv").type());
        assertEquals(new CType.PointerType(new CType.ArrayType(INT, OptionalLong.of(4))), m("int (*rows)[4];", "rows").type());
        assertEquals("char (*)[8]", spelled(m("char (*rows)[8];", "rows").type()));
        assertEquals("uint32_t *", spelled(m("uint32_t *w;", "w").type()));
        assertEquals(new CType.PointerType(CType.qualified(INT, new Qualifiers(true, true, false))),
                m("int const volatile *p;", "p").type());
    }

    @Test
    void aStructMayPointToItself() {
        RecordDecl node = struct("int v; struct s *next;");
        CType.PointerType next = (CType.PointerType) Specs.member(node, "next").type();
        assertEquals(node, ((CType.RecordType) next.target()).decl());
    }

    @Test
    void qualifiersBeforeTheBaseTypeQualifyThePointee() {
        Member p = m("const int *p;", "p");
        assertEquals(new CType.PointerType(CType.qualified(INT, CONST)), p.type());
        assertEquals(NONE, p.qualifiers());
    }

    @Test
    void qualifiersAfterTheStarQualifyThePointerMember() {
        Member p = m("int *volatile p;", "p");
        assertEquals(CType.qualified(new CType.PointerType(INT), VOLATILE), p.type());
        assertEquals(VOLATILE, p.qualifiers());
        assertEquals(CONST, m("char *const name;", "name").qualifiers());
    }

    @Test
    void functionPointersAreFunctionPointerTypes() {
        CType.PointerType fn = (CType.PointerType) m("int (*fn)(int, char *);", "fn").type();
        assertEquals(new CType.FunctionType(INT, List.of(new CType.Param("", INT),
                new CType.Param("", new CType.PointerType(new CType.ScalarType(Scalar.CHAR)))), false), fn.target());
        assertEquals("int (*)(int, char *)", spelled(fn));
        assertEquals("void (*)(void)", spelled(m("void (*cb)(void);", "cb").type()));
        // the spec language reads () as (void), as C23 and C++ do
        assertEquals(m("void (*cb)(void);", "cb").type(), m("void (*old)();", "old").type());
        assertEquals("int (*)(const char *fmt, ...)", spelled(m("int (*printf_like)(const char *fmt, ...);", "printf_like").type()));
        assertEquals("void (*(*)(int))(int)", spelled(m("void (*(*signal_fn)(int))(int);", "signal_fn").type()));
        assertEquals("int (*(*fp)(int))(char)", DeclaratorWriter.spec(m("int (*(*fp)(int))(char);", "fp").type(), "fp"));
        assertEquals("int (**)(int)", spelled(m("int (**pp)(int);", "pp").type()));
    }

    @Test
    void parameterNamesAreNotPartOfTheType() {
        assertEquals(m("int (*f)(int a);", "f").type(), m("int (*f)(int b);", "f").type());
    }

    @Test
    void arrayAndFunctionParametersAreAdjustedToPointers() {
        assertEquals(m("int (*f)(int *, int (*)(void));", "f").type(), m("int (*f)(int a[3], int g(void));", "f").type());
    }

    @Test
    void voidParameterListsAreChecked() {
        assertEquals("2:26: 'void' must be the only parameter, and unnamed", Specs.errors("struct s { int (*f)(int, void); };"));
        assertEquals("2:20: a function cannot return an array; return a pointer to it",
                Specs.errors("struct s { int (*f)(void)[3]; };"));
    }

    @Test
    void arraysOfFunctionPointers() {
        CType handlers = m("int (*handlers[4])(int);", "handlers").type();
        assertEquals("int (*[4])(int)", spelled(handlers));
        assertEquals(OptionalLong.of(4), ((CType.ArrayType) handlers).length());
    }

    @Test
    void qualifiersInAnyOrder() {
        assertEquals(new Qualifiers(true, true, false), m("int const volatile x;", "x").qualifiers());
        assertEquals(new Qualifiers(true, true, false), m("volatile const int x;", "x").qualifiers());
        assertEquals(new Qualifiers(true, true, false), m("const int volatile x;", "x").qualifiers());
    }

    @Test
    void atomicAsQualifierAndAsSpecifier() {
        Member a = m("_Atomic int x;", "x");
        assertEquals(CType.qualified(INT, ATOMIC), a.type());
        assertEquals(ATOMIC, a.qualifiers());
        Member b = m("_Atomic(int) x;", "x");
        assertEquals(a.type(), b.type());
        Member c = m("_Atomic(int *) p;", "p");
        assertEquals(CType.qualified(new CType.PointerType(INT), ATOMIC), c.type());
        assertEquals(ATOMIC, c.qualifiers());
        Member d = m("int *_Atomic p;", "p");
        assertEquals(c.type(), d.type());
        assertEquals(new CType.PointerType(CType.qualified(INT, ATOMIC)), m("_Atomic int *p;", "p").type());
    }

    @Test
    void atomicOnARecordIsAnError() {
        assertEquals("2:33: _Atomic is supported on scalars, enums and pointers",
                Specs.errors("struct a { int x; }; struct s { _Atomic struct a v; };"));
        assertEquals("2:33: _Atomic is supported on scalars, enums and pointers",
                Specs.errors("struct a { int x; }; struct s { _Atomic(struct a) v[2]; };"));
        assertEquals("4:19: _Atomic is supported on scalars, enums and pointers",
                Specs.errors("struct a { int x; };\ntypedef struct a a_t;\nstruct s { int y; _Atomic a_t v; };"));
    }

    @Test
    void arrayElementQualifiersAreTheMembers() {
        Member a = m("volatile int a[4];", "a");
        assertEquals(new CType.ArrayType(CType.qualified(INT, VOLATILE), OptionalLong.of(4)), a.type());
        assertEquals(VOLATILE, a.qualifiers());
    }

    @Test
    void arraySizesAreConstantExpressions() {
        var spec = Specs.ok("const int N = 4; enum e { K = 3 };\nstruct s { int a[N * 2 + K]; };");
        assertEquals(new CType.ArrayType(INT, OptionalLong.of(11)), Specs.member(Specs.record(spec, "s"), "a").type());
    }

    @Test
    void arraySizesMayUseConstantsDeclaredLater() {
        var spec = Specs.ok("struct s { int a[N]; };\nconst int N = 4;");
        assertEquals(new CType.ArrayType(INT, OptionalLong.of(4)), Specs.member(Specs.record(spec, "s"), "a").type());
    }

    @Test
    void badArraySizesAreErrors() {
        assertEquals("2:18: array size must be positive, not 0; for a trailing variable-length array use a "
                + "flexible array member 'T name[];'", Specs.errors("struct s { int a[0]; int b; };"));
        assertEquals("2:18: array size must be positive, not -2", Specs.errors("struct s { int a[1 - 3]; };"));
        assertEquals("2:18: array size 9223372036854775808 is too large (it does not fit in 64 bits)",
                Specs.errors("struct s { int a[0x8000000000000000]; };"));
        assertEquals("2:37: integer overflow in constant expression: the result does not fit in 64 bits",
                Specs.errors("struct s { int a[0xffffffffffffffff * 2]; };"));
        assertEquals("2:18: unknown constant 'CONT'; did you mean 'COUNT'?",
                Specs.errors("struct s { int a[CONT]; };\nconst int COUNT = 1;"));
        assertEquals("2:18: unknown constant 'M'", Specs.errors("struct s { int a[M]; };\nconst int N = 1;"));
    }

    @Test
    void functionsAndVoidAreNotMembers() {
        assertEquals("2:17: a member cannot be a function; did you mean a function pointer '(*name)(...)'?",
                Specs.errors("struct s { int f(int); };"));
        assertEquals("2:12: 'void' is not a data type for a member; did you mean 'void *'?",
                Specs.errors("struct s { void v; };"));
    }

    @Test
    void onlyTheFirstArrayDimensionMayBeEmpty() {
        assertEquals("2:27: only the first dimension of an array may be left empty",
                Specs.errors("struct s { int n; int a[3][]; };"));
    }

    @Test
    void bitfieldsAreReportedAtTheColon() {
        assertEquals("2:18: bitfields are not supported yet", Specs.errors("struct s { int x : 3; int y; };"));
    }

    @Test
    void incompleteTypesOnlyBehindPointers() {
        assertEquals("2:19: struct nope is not defined in this spec (an undefined type can only be used behind a pointer)",
                Specs.errors("struct s { struct nope n; };"));
        CType.PointerType n = (CType.PointerType) m("struct nope *n;", "n").type();
        assertFalse(((CType.RecordType) n.target()).isComplete());
        assertEquals("3:19: struct nodes is not defined in this spec; did you mean 'node'? (an undefined type can only "
                + "be used behind a pointer)", Specs.errors("struct node { int x; };\nstruct s { struct nodes n; };"));
    }

    @Test
    void unknownTypeNamesSuggestACloseName() {
        assertEquals("2:12: unknown type name 'uint32'; did you mean 'uint32_t'?", Specs.errors("struct s { uint32 x; };"));
        assertEquals("3:12: unknown type name 'lwpid'; did you mean 'lwpid_t'?",
                Specs.errors("typedef int lwpid_t;\nstruct s { lwpid x; };"));
        assertEquals("2:12: unknown type name 'frobnicator'", Specs.errors("struct s { frobnicator x; };"));
        // two edits in five letters is no resemblance
        assertEquals("2:12: unknown type name 'foo_t'", Specs.errors("struct s { foo_t x; };"));
        assertEquals("3:12: unknown type name 'point'; did you mean 'struct point'?",
                Specs.errors("struct point { int x; };\nstruct s { point p; };"));
        assertEquals("2:12: unknown type name 'uint32_t_t'; did you mean 'uint32_t'?",
                Specs.errors("struct s { uint32_t_t *p; };"));
    }

    @Test
    void kindMismatchesAreErrors() {
        assertEquals("3:19: 'u' is a union, not a struct (defined on line 2)",
                Specs.errors("union u { int x; };\nstruct s { struct u v; };"));
        assertEquals("3:19: 'e' is an enum, not a struct (defined on line 2)",
                Specs.errors("enum e { A };\nstruct s { struct e *v; };"));
    }

    @Test
    void storageClassesAndAttributesAreRejected() {
        assertEquals("2:12: 'static' has no meaning in a spec: it declares types and constants, not objects or functions",
                Specs.errors("struct s { static int x; };"));
        assertEquals("2:18: '__attribute__' is not part of the spec language; use @packed or @align(N)",
                Specs.errors("struct s { int x __attribute__((aligned(8))); };"));
    }
}
