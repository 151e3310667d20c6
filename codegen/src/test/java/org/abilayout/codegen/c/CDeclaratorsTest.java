package org.abilayout.codegen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SourcePos;
import org.junit.jupiter.api.Test;

class CDeclaratorsTest {
    private final CDeclarators c = new CDeclarators("P");
    private static final Qualifiers VOLATILE = new Qualifiers(false, true, false);
    private static final Qualifiers ATOMIC = new Qualifiers(false, false, true);

    private static CType ptr(CType target) {
        return new CType.PointerType(target);
    }

    private static CType fn(CType result, CType... params) {
        return new CType.FunctionType(result, java.util.Arrays.stream(params).map(p -> new CType.Param("", p)).toList(), false);
    }

    private static final CType VOID = CType.VoidType.INSTANCE;

    @Test
    void functionPointersWrapTheNameInTheirParentheses() {
        CType cb = ptr(fn(Model.scalar(Scalar.INT), ptr(VOID), Model.scalar(Scalar.LONG)));
        assertEquals("int (*cb)(void *, long)", c.declare(cb, "cb"));
        assertEquals("void (*handlers[2])(int)", c.declare(Model.array(ptr(fn(VOID, Model.scalar(Scalar.INT))), 2), "handlers"));
        assertEquals("int (*)(void *, long)", c.abstractElement(cb));
    }

    @Test
    void pointerQualifiersFollowTheStar() {
        assertEquals("const char *volatile p", c.declare(CType.qualified(ptr(CType.qualified(Model.scalar(Scalar.CHAR),
                new Qualifiers(true, false, false))), VOLATILE), "p"));
        assertEquals("void *P_ATOMIC next", c.declare(CType.qualified(ptr(VOID), ATOMIC), "next"));
        assertEquals("char **argv", c.declare(ptr(ptr(Model.scalar(Scalar.CHAR))), "argv"));
    }

    @Test
    void arraysKeepTheirDimensionsInOrder() {
        assertEquals("uint16_t grid[2][3]", c.declare(Model.array(Model.array(Model.scalar(Scalar.UINT16), 3), 2), "grid"));
        assertEquals("volatile P_ATOMIC uint32_t w[4]",
                c.declare(CType.qualified(Model.array(Model.scalar(Scalar.UINT32), 4), new Qualifiers(false, true, true)), "w"));
    }

    @Test
    void targetsGetTheHeadersSpellingsToo() {
        assertEquals("P_ATOMIC int *p", c.declare(ptr(CType.qualified(Model.scalar(Scalar.INT), ATOMIC)), "p"));
        assertEquals("bool (*pred)(ptrdiff_t)", c.declare(ptr(fn(Model.scalar(Scalar.BOOL), Model.scalar(Scalar.SSIZE))), "pred"));
    }

    @Test
    void posixAndC99SpellingsBecomePortableOnes() {
        assertEquals("ptrdiff_t n", c.declare(Model.scalar(Scalar.SSIZE), "n"));
        assertEquals("bool b", c.declare(Model.scalar(Scalar.BOOL), "b"));
    }

    @Test
    void anEnumWithAFixedUnderlyingTypeIsSpelledByItsTypedefName() {
        EnumDecl flags = new EnumDecl("flags", Optional.of(Scalar.UINT8), List.of(), Optional.empty(), List.of(), SourcePos.NONE);
        EnumDecl plain = new EnumDecl("color", Optional.empty(), List.of(), Optional.empty(), List.of(), SourcePos.NONE);
        assertEquals("flags *f", c.declare(ptr(CType.EnumType.of(flags)), "f"));
        assertEquals("enum color c", c.declare(CType.EnumType.of(plain), "c"));
    }

    @Test
    void atomicityIsFoundThroughTypedefsAndArrays() {
        TypedefDecl counter = new TypedefDecl("counter_t", CType.qualified(Model.scalar(Scalar.UINT64), ATOMIC), Optional.empty(),
                List.of(), SourcePos.NONE);
        assertEquals(true, CDeclarators.isAtomic(Model.array(CType.TypedefType.of(counter), 2)));
        assertEquals(false, CDeclarators.isAtomic(CType.qualified(Model.scalar(Scalar.UINT64), VOLATILE)));
    }

    @Test
    void constantsAreTypedLiteralsThatFitTheirType() {
        assertEquals("((uint32_t)2147483648u)", CDeclarators.constant(Scalar.UINT32, 0x80000000L));
        assertEquals("((uint64_t)18446744073709551615ull)", CDeclarators.constant(Scalar.UINT64, -1L));
        assertEquals("((int64_t)(-9223372036854775807ll - 1))", CDeclarators.constant(Scalar.INT64, Long.MIN_VALUE));
        assertEquals("((int32_t)(-2147483648ll))", CDeclarators.constant(Scalar.INT32, Integer.MIN_VALUE));
        assertEquals("((int)(-7))", CDeclarators.constant(Scalar.INT, -7));
    }
}
