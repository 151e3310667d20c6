package org.abilayout.codegen.report;

import static org.abilayout.codegen.report.Fixtures.array;
import static org.abilayout.codegen.report.Fixtures.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;
import org.junit.jupiter.api.Test;

class CTypeNamesTest {
    private static final Qualifiers VOLATILE = Fixtures.VOLATILE;
    private static final Qualifiers CONST_ATOMIC = new Qualifiers(true, false, true);
    private static final CType VOID_PTR = new CType.PointerType("void", false);
    private static final CType CALLBACK = new CType.PointerType("int (int, char *)", true);

    @Test
    void spellsScalarsWithQualifiers() {
        assertEquals("volatile uint32_t", CTypeNames.spell(scalar(Scalar.UINT32), VOLATILE));
        assertEquals("const _Atomic unsigned long long", CTypeNames.spell(scalar(Scalar.ULONG_LONG), CONST_ATOMIC));
    }

    @Test
    void spellsArraysAsTypeNamesAndDeclarations() {
        assertEquals("char [16]", CTypeNames.spell(array(scalar(Scalar.CHAR), 16)));
        assertEquals("volatile int m[2][3]",
                CTypeNames.declaration(array(array(scalar(Scalar.INT), 3), 2), VOLATILE, "m").toString());
        assertEquals("uint8_t data[]", CTypeNames.declaration(
                new CType.ArrayType(scalar(Scalar.UINT8), OptionalLong.empty()), Qualifiers.NONE, "data").toString());
    }

    @Test
    void putsPointerQualifiersOnThePointer() {
        assertEquals("void *", CTypeNames.spell(VOID_PTR));
        assertEquals(new CTypeNames.Declaration("void", "*volatile p"),
                CTypeNames.declaration(VOID_PTR, VOLATILE, "p"));
        assertEquals("void *volatile", CTypeNames.spell(VOID_PTR, VOLATILE));
        assertEquals("const char *argv[4]", CTypeNames.declaration(
                array(new CType.PointerType("const char", false), 4), Qualifiers.NONE, "argv").toString());
        assertEquals("char **pp",
                CTypeNames.declaration(new CType.PointerType("char *", false), Qualifiers.NONE, "pp").toString());
    }

    @Test
    void spellsFunctionPointersInsideOut() {
        assertEquals("int (*)(int, char *)", CTypeNames.spell(CALLBACK));
        assertEquals(new CTypeNames.Declaration("int", "(*cb)(int, char *)"),
                CTypeNames.declaration(CALLBACK, Qualifiers.NONE, "cb"));
        assertEquals("int (*handlers[4])(int, char *)",
                CTypeNames.declaration(array(CALLBACK, 4), Qualifiers.NONE, "handlers").toString());
    }

    @Test
    void spellsNamedTypesByTheirTag() {
        assertEquals("struct job", CTypeNames.spell(new CType.RecordType(Fixtures.job())));
        assertEquals("volatile lwpid_t",
                CTypeNames.spell(new CType.TypedefType(Fixtures.typedef("lwpid_t", scalar(Scalar.INT32))), VOLATILE));
        assertEquals("union (anonymous)", CTypeNames.spell(new CType.RecordType(Fixtures.union(""))));
    }
}
