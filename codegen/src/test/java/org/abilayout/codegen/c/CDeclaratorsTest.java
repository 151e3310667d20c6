package org.abilayout.codegen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SourcePos;
import org.junit.jupiter.api.Test;

class CDeclaratorsTest {
    private final CDeclarators c = new CDeclarators("P");
    private static final Qualifiers VOLATILE = new Qualifiers(false, true, false);
    private static final Qualifiers ATOMIC = new Qualifiers(false, false, true);

    @Test
    void functionPointersWrapTheNameInTheirParentheses() {
        assertEquals("int (*cb)(void *, long)", c.declare(new CType.PointerType("int (void *, long)", true), Qualifiers.NONE, "cb"));
        assertEquals("void (*handlers[2])(int)",
                c.declare(Model.array(new CType.PointerType("void (int)", true), 2), Qualifiers.NONE, "handlers"));
        assertEquals("int (*)(void *, long)", c.abstractElement(new CType.PointerType("int (void *, long)", true)));
    }

    @Test
    void pointerQualifiersFollowTheStar() {
        assertEquals("const char *volatile p", c.declare(new CType.PointerType("const char", false), VOLATILE, "p"));
        assertEquals("void *P_ATOMIC next", c.declare(new CType.PointerType("void", false), ATOMIC, "next"));
        assertEquals("char **argv", c.declare(new CType.PointerType("char *", false), Qualifiers.NONE, "argv"));
    }

    @Test
    void arraysKeepTheirDimensionsInOrder() {
        assertEquals("uint16_t grid[2][3]",
                c.declare(Model.array(Model.array(Model.scalar(Scalar.UINT16), 3), 2), Qualifiers.NONE, "grid"));
        assertEquals("volatile P_ATOMIC uint32_t w[4]",
                c.declare(Model.array(Model.scalar(Scalar.UINT32), 4), new Qualifiers(false, true, true), "w"));
    }

    @Test
    void pointeesGetTheHeadersSpellingsToo() {
        assertEquals("P_ATOMIC int *p", c.declare(new CType.PointerType("_Atomic int", false), Qualifiers.NONE, "p"));
        assertEquals("bool (*pred)(ptrdiff_t)", c.declare(new CType.PointerType("_Bool (ssize_t)", true), Qualifiers.NONE, "pred"));
    }

    @Test
    void posixAndC99SpellingsBecomePortableOnes() {
        assertEquals("ptrdiff_t n", c.declare(Model.scalar(Scalar.SSIZE), Qualifiers.NONE, "n"));
        assertEquals("bool b", c.declare(Model.scalar(Scalar.BOOL), Qualifiers.NONE, "b"));
    }

    @Test
    void atomicityIsFoundThroughTypedefsAndArrays() {
        TypedefDecl counter = new TypedefDecl("counter_t", Model.scalar(Scalar.UINT64), ATOMIC, Optional.empty(), List.of(),
                SourcePos.NONE);
        assertEquals(true, CDeclarators.isAtomic(Model.array(new CType.TypedefType(counter), 2), Qualifiers.NONE));
        assertEquals(false, CDeclarators.isAtomic(Model.scalar(Scalar.UINT64), VOLATILE));
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
