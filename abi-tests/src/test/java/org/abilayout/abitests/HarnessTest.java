package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.abilayout.abitests.cc.Compiler;
import org.abilayout.abitests.cc.Differential;
import org.abilayout.abitests.model.Models;
import org.abilayout.abitests.render.DeclarationWriter;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.testsupport.ToolLookup;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The harness itself: it must be deterministic, cover what it claims, and be able to fail. */
class HarnessTest {

    @Test
    void sameSeedGivesTheSameSpecsAndAnotherSeedDoesNot() {
        DeclarationWriter w = new DeclarationWriter(Dialect.SPEC);
        String a = w.write(RandomSpecsAgreeWithCompilersTest.specs(42, 300).getFirst());
        String b = w.write(RandomSpecsAgreeWithCompilersTest.specs(42, 300).getFirst());
        String c = w.write(RandomSpecsAgreeWithCompilersTest.specs(43, 300).getFirst());
        assertEquals(a, b);
        assertNotEquals(a.substring(a.indexOf(';')), c.substring(c.indexOf(';')));
    }

    @Test
    void defaultRunCoversEveryScalarAndEveryConstruct() {
        Set<Scalar> scalars = EnumSet.noneOf(Scalar.class);
        boolean[] seen = new boolean[8]; // fam, packed, record @align, member @align, atomic, anonymous, union, function pointer
        for (Spec spec : RandomSpecsAgreeWithCompilersTest.specs(RandomSpecsAgreeWithCompilersTest.DEFAULT_SEED,
                RandomSpecsAgreeWithCompilersTest.DEFAULT_STRUCTS)) {
            for (RecordDecl r : spec.records()) {
                seen[1] |= r.packed();
                seen[2] |= r.align().isPresent();
                seen[6] |= r.kind() == RecordDecl.Kind.UNION;
                walk(r, scalars, seen, true);
            }
        }
        assertEquals(EnumSet.allOf(Scalar.class), scalars);
        for (int i = 0; i < seen.length; i++) assertTrue(seen[i], "construct " + i + " never generated");
    }

    private static void walk(RecordDecl r, Set<Scalar> scalars, boolean[] seen, boolean topLevel) {
        for (int i = 0; i < r.members().size(); i++) {
            Member m = r.members().get(i);
            seen[3] |= m.align().isPresent();
            seen[4] |= m.qualifiers().isAtomic();
            seen[5] |= m.isAnonymous();
            CType t = m.type();
            if (t instanceof CType.ArrayType a && a.isFlexible()) {
                seen[0] = true;
                assertTrue(topLevel && r.kind() == RecordDecl.Kind.STRUCT && i == r.members().size() - 1,
                        "flexible array member out of place in " + r.cName());
            }
            while (t instanceof CType.ArrayType a) t = a.element();
            switch (t.unwrap()) {
                case CType.ScalarType s -> scalars.add(s.scalar());
                case CType.PointerType p -> seen[7] |= p.isFunctionPointer();
                case CType.RecordType rt -> {
                    RecordDecl nested = rt.decl();
                    List<Member> ms = nested.members();
                    assertFalse(ms.getLast().type() instanceof CType.ArrayType a && a.isFlexible(),
                            "a struct with a flexible array member is nested in " + r.cName());
                    if (nested.isAnonymous()) walk(nested, scalars, seen, false);
                }
                default -> { }
            }
        }
    }

    @Test
    void aWrongLayoutIsReportedWithTheCompilersValue() {
        // a known disagreement: the engine follows GCC on m68k, clang-19 does not
        Spec spec = Models.spec(Models.struct("s", Models.member("c", Scalar.CHAR), Models.member("i", Scalar.INT)));
        Differential.Report r = Differential.run(List.of(spec), List.of(Compilers.target("m68k-linux-gnu")),
                Differential.always(Compiler.CLANG), Path.of("target", "harness", "wrong"), 1);
        assertFalse(r.clean());
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        Differential.Mismatch m = r.mismatches().stream()
                .filter(x -> x.check().member().equals("i") && x.check().expr().contains("offsetof")).findFirst()
                .orElseThrow();
        // engine 2 (GCC), clang-19 4
        assertTrue(m.compilerValue().isPresent());
        assertNotEquals(m.check().expected(), m.compilerValue().getAsLong());
    }

    @Test
    void generatedCThatDoesNotCompileIsAnErrorNotAPass() {
        // a pointer to an undeclared struct is fine in C, an undeclared typedef name is not
        Spec spec = Models.spec(Models.struct("s", Models.member("p", Models.pointer(
                new CType.TypedefType(org.abilayout.spec.model.TypedefRef.named("undeclared_t"))))));
        Differential.Report r = Differential.run(List.of(spec), List.of(Catalogue.all().getFirst()),
                Path.of("target", "harness", "broken"), 1);
        assertFalse(r.errors().isEmpty());
        assertFalse(r.clean());
    }

    @Test
    void aMissingCompilerSkipsOrFailsNamingTheDebianPackage() {
        for (Compiler cc : Compiler.all()) {
            TestAbortedException skipped = assertThrows(TestAbortedException.class,
                    () -> cc.require(new ToolLookup(List.of(), false)));
            assertTrue(skipped.getMessage().contains("apt-get install " + cc.debianPackage()), skipped.getMessage());
            AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                    () -> cc.require(new ToolLookup(List.of(), true)));
            assertTrue(failed.getMessage().contains("apt-get install " + cc.debianPackage()), failed.getMessage());
        }
        assertEquals("clang-19", Compiler.CLANG.debianPackage());
        assertEquals("gcc-m68k-linux-gnu", Compiler.M68K_GCC.debianPackage());
    }
}
