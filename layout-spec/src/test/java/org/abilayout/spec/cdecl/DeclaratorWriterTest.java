package org.abilayout.spec.cdecl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.RecordRef;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SourcePos;
import org.junit.jupiter.api.Test;

/**
 * The writer on hand-built values: where stars, brackets, parentheses and qualifiers go. The
 * compilers confirm the writer on random type trees in {@code DeclaratorPropertiesTest}
 * (abi-tests); these examples document the conventions.
 */
class DeclaratorWriterTest {
    private static final Qualifiers VOLATILE = new Qualifiers(false, true, false);
    private static final Qualifiers CONST = new Qualifiers(true, false, false);
    private static final Qualifiers CONST_ATOMIC = new Qualifiers(true, false, true);
    private static final CType INT = scalar(Scalar.INT);
    private static final CType CHAR = scalar(Scalar.CHAR);

    private static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    private static CType array(CType element, long n) {
        return new CType.ArrayType(element, OptionalLong.of(n));
    }

    private static CType ptr(CType target) {
        return new CType.PointerType(target);
    }

    private static CType fn(CType result, CType... params) {
        return new CType.FunctionType(result, java.util.Arrays.stream(params).map(p -> new CType.Param("", p)).toList(), false);
    }

    private static String spec(CType t) {
        return DeclaratorWriter.spec(t);
    }

    @Test
    void qualifiersPrecedeScalars() {
        assertEquals("volatile uint32_t", spec(CType.qualified(scalar(Scalar.UINT32), VOLATILE)));
        assertEquals("const _Atomic unsigned long long", spec(CType.qualified(scalar(Scalar.ULONG_LONG), CONST_ATOMIC)));
    }

    @Test
    void arraysFollowTheName() {
        assertEquals("char[16]", spec(array(CHAR, 16)));
        assertEquals("volatile int m[2][3]", DeclaratorWriter.spec(array(array(CType.qualified(INT, VOLATILE), 3), 2), "m"));
        assertEquals("uint8_t data[]", DeclaratorWriter.spec(
                new CType.ArrayType(scalar(Scalar.UINT8), OptionalLong.empty()), "data"));
    }

    @Test
    void aPointersQualifiersFollowItsStar() {
        CType voidPtr = ptr(CType.VoidType.INSTANCE);
        assertEquals("void *", spec(voidPtr));
        assertEquals(new Declaration("void", "*volatile p"),
                DeclaratorWriter.declaration(CType.qualified(voidPtr, VOLATILE), "p", Spelling.SPEC));
        assertEquals("void *volatile", spec(CType.qualified(voidPtr, VOLATILE)));
        assertEquals("const char *argv[4]", DeclaratorWriter.spec(array(ptr(CType.qualified(CHAR, CONST)), 4), "argv"));
        assertEquals("char **pp", DeclaratorWriter.spec(ptr(ptr(CHAR)), "pp"));
        assertEquals("const char *const *volatile p", DeclaratorWriter.spec(
                CType.qualified(ptr(CType.qualified(ptr(CType.qualified(CHAR, CONST)), CONST)), VOLATILE), "p"));
    }

    @Test
    void pointersToArraysAndFunctionsAreParenthesised() {
        CType callback = ptr(fn(INT, INT, ptr(CHAR)));
        assertEquals("int (*)(int, char *)", spec(callback));
        assertEquals(new Declaration("int", "(*cb)(int, char *)"), DeclaratorWriter.declaration(callback, "cb", Spelling.SPEC));
        assertEquals("int (*handlers[4])(int, char *)", DeclaratorWriter.spec(array(callback, 4), "handlers"));
        assertEquals("char (*rows)[8]", DeclaratorWriter.spec(ptr(array(CHAR, 8)), "rows"));
        assertEquals("int (*(*fp)(int))(char)", DeclaratorWriter.spec(ptr(fn(ptr(fn(INT, CHAR)), INT)), "fp"));
        assertEquals("void (*(*)(int))(int)", spec(ptr(fn(ptr(fn(CType.VoidType.INSTANCE, INT)), INT))));
        assertEquals("int (*volatile cb)(void)", DeclaratorWriter.spec(CType.qualified(ptr(fn(INT)), VOLATILE), "cb"));
    }

    @Test
    void parametersKeepTheirNamesAndVariadics() {
        CType printf = ptr(new CType.FunctionType(INT, List.of(new CType.Param("fmt", ptr(CType.qualified(CHAR, CONST)))), true));
        assertEquals("int (*log)(const char *fmt, ...)", DeclaratorWriter.spec(printf, "log"));
    }

    @Test
    void namedTypesAreSpelledByName() {
        RecordDecl job = new RecordDecl(RecordDecl.Kind.STRUCT, "job", List.of(), false, OptionalLong.empty(),
                Optional.empty(), List.of(), org.abilayout.spec.traits.RecordTraits.NONE, SourcePos.NONE);
        assertEquals("struct job", spec(CType.RecordType.of(job)));
        assertEquals("struct node *", spec(ptr(new CType.RecordType(RecordRef.named(RecordDecl.Kind.STRUCT, "node")))));
        TypedefDecl lwpid = new TypedefDecl("lwpid_t", scalar(Scalar.INT32), Optional.empty(), List.of(), SourcePos.NONE);
        assertEquals("volatile lwpid_t", spec(CType.qualified(CType.TypedefType.of(lwpid), VOLATILE)));
        RecordDecl anonymous = new RecordDecl(RecordDecl.Kind.UNION, "", List.of(), false, OptionalLong.empty(),
                Optional.empty(), List.of(), org.abilayout.spec.traits.RecordTraits.NONE, SourcePos.NONE);
        assertEquals("union {...}", spec(CType.RecordType.of(anonymous)));
    }

    @Test
    void theCanonicalSpellingExpandsTypedefsWhereverTheyAre() {
        TypedefDecl lwpid = new TypedefDecl("lwpid_t", scalar(Scalar.INT32), Optional.empty(), List.of(), SourcePos.NONE);
        TypedefDecl row = new TypedefDecl("row_t", array(CHAR, 8), Optional.empty(), List.of(), SourcePos.NONE);
        TypedefDecl cb = new TypedefDecl("cb_t", ptr(fn(INT, CType.TypedefType.of(lwpid))), Optional.empty(), List.of(),
                SourcePos.NONE);
        assertEquals("volatile int32_t", DeclaratorWriter.typeName(
                CType.qualified(CType.TypedefType.of(lwpid), VOLATILE), Spelling.CANONICAL));
        // a pointer to a typedef'd array needs the parentheses the typedef hid
        assertEquals("char (*)[8]", DeclaratorWriter.typeName(ptr(CType.TypedefType.of(row)), Spelling.CANONICAL));
        assertEquals("int (*[2])(int32_t)", DeclaratorWriter.typeName(array(CType.TypedefType.of(cb), 2), Spelling.CANONICAL));
        // qualifiers on a typedef'd array qualify its elements, as C says
        assertEquals("const char[8]", DeclaratorWriter.typeName(
                CType.qualified(CType.TypedefType.of(row), CONST), Spelling.CANONICAL));
    }
}
