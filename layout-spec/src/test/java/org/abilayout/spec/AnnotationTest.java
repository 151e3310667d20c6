package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.abilayout.arch.Catalogue;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

class AnnotationTest {

    /** Args without positions, for readable assertions. */
    private static String shape(AnnotationArg a) {
        return switch (a) {
            case AnnotationArg.Int i -> "Int(" + i.value() + ")";
            case AnnotationArg.Name n -> "Name(" + n.name() + ")";
            case AnnotationArg.Keyed k -> "Keyed(" + k.key() + ": " + shape(k.value()) + ")";
            case AnnotationArg.Text t -> "Text(" + t.text() + ")";
            case AnnotationArg.Str t -> "Str(" + t.value() + ")";
        };
    }

    private static List<String> shapes(Annotation a) {
        return a.args().stream().map(AnnotationTest::shape).toList();
    }

    @Test
    void stringArgumentsAreUnescaped() {
        Spec spec = Specs.ok("""
                @accept(alignment_raised, reason: "say \\"why\\"\\tnow")
                struct s { int a; };
                """);
        Annotation accept = spec.records().getFirst().annotations().getFirst();
        assertEquals(List.of("Name(alignment_raised)", "Keyed(reason: Str(say \"why\"\tnow))"), shapes(accept));
    }

    @Test
    void argumentFormsAreClassified() {
        Spec spec = Specs.ok("""
                const int N = 8;
                @version(8) @size(lp64: 40, ilp32: 24)
                struct s {
                    @offset(N - 4) @since(N) int b;
                    @if(lp64 && !arch(mips, arm)) @reserved int c;
                    @version_field int d;
                };
                @pad_to(x86_64-linux-gnu: N * 2, i386-freebsd: 12) @extensible struct s2 { int a; };
                """);
        RecordDecl s = Specs.record(spec, "s");
        assertEquals(List.of("Keyed(lp64: Int(40))", "Keyed(ilp32: Int(24))"),
                shapes(s.annotations().stream().filter(a -> a.name().equals("size")).findFirst().orElseThrow()));
        assertEquals(List.of("Keyed(x86_64-linux-gnu: Int(16))", "Keyed(i386-freebsd: Int(12))"),
                shapes(Specs.record(spec, "s2").annotations().getFirst()));
        Member b = Specs.member(s, "b");
        assertEquals(List.of("Int(4)"), shapes(b.annotation("offset").orElseThrow()));
        assertEquals(List.of("Int(8)"), shapes(b.annotation("since").orElseThrow()));
        Member c = Specs.member(s, "c");
        assertEquals(List.of("Text(lp64 && !arch(mips, arm))"), shapes(c.annotation("if").orElseThrow()));
        assertEquals(List.of(), shapes(c.annotation("reserved").orElseThrow()));
        assertEquals(List.of("version_field"), Specs.member(s, "d").annotations().stream().map(Annotation::name).toList());
    }

    @Test
    void versioningAnnotationsAreRefusedWhereTheyMeanNothing() {
        assertEquals("""
                2:1: @version belongs on a struct or union, not an enum
                3:1: @since belongs on a member, not a constant
                4:1: @reserved belongs on a member, not a typedef
                5:12: @version belongs on a struct or union""",
                Specs.errors("@version(3) enum e { A };\n@since(2) const int X = 1;\n@reserved typedef int t;\n"
                        + "struct u { @version(2) int a; };"));
        Spec spec = Specs.ok("@extensible @version(1) union u { int a; };");
        assertEquals(List.of("extensible", "version"),
                spec.decl("u").orElseThrow().annotations().stream().map(Annotation::name).toList());
    }

    @Test
    void bareNamesAndTargetNamesAreNames() {
        RecordDecl s = Specs.record(Specs.ok(
                "@accept(alignment_raised, member: x86_64-linux-gnu, reason: \"r\") struct s { int x; };"), "s");
        assertEquals(List.of("Name(alignment_raised)", "Keyed(member: Name(x86_64-linux-gnu))", "Keyed(reason: Str(r))"),
                shapes(s.annotations().getFirst()));
    }

    @Test
    void annotationPositionsPointAtTheAtSign() {
        RecordDecl s = Specs.record(Specs.ok("@version(2) struct s {\n    @since(2) int x;\n};"), "s");
        Annotation since = Specs.member(s, "x").annotations().getFirst();
        assertEquals(3, since.pos().line());
        assertEquals(5, since.pos().column());
        assertEquals(12, since.args().getFirst().pos().column());
    }

    @Test
    void alignOnRecordsAndMembers() throws SpecException {
        Spec spec = Specs.ok("@align(16) struct s { char c; @align(8) int x; };");
        RecordDecl s = Specs.record(spec, "s");
        assertEquals(OptionalLong.of(16), s.align());
        assertEquals(OptionalLong.of(8), Specs.member(s, "x").align());
        assertEquals("align", s.annotations().getFirst().name());
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow()).record("s").orElseThrow();
        // x raised to alignment 8: offset 8; the struct's @align(16) rounds its size 12 up to 16
        assertEquals(8, l.fields().get(1).offset());
        assertEquals(16, l.size());
    }

    @Test
    void packedOnRecords() throws SpecException {
        Spec spec = Specs.ok("@packed struct s { char c; int x; };\nstruct t { @packed union { char c; int i; } u; };");
        assertTrue(Specs.record(spec, "s").packed());
        RecordLayout l = LayoutEngine.layout(spec, Catalogue.byName("x86_64-linux-gnu").orElseThrow()).record("s").orElseThrow();
        // packed: no padding, x right after c
        assertEquals(1, l.fields().get(1).offset());
        assertEquals(5, l.size());
        Member u = Specs.member(Specs.record(spec, "t"), "u");
        assertTrue(((CType.RecordType) u.type()).decl().packed());
        assertFalse(Specs.record(spec, "t").packed());
    }

    @Test
    void packedAndAlignOnATypedefOfAnInlineStructApplyToTheStruct() {
        Spec spec = Specs.ok("@packed @align(2) typedef struct { char c; int i; } p_t;");
        var td = (org.abilayout.spec.model.TypedefDecl) spec.decl("p_t").orElseThrow();
        RecordDecl r = ((CType.RecordType) td.type()).decl();
        assertTrue(r.packed());
        assertEquals(OptionalLong.of(2), r.align());
        assertEquals(2, td.annotations().size());
    }

    @Test
    void annotationValidationErrors() {
        assertEquals("2:8: @align needs a power of two between 1 and 268435456, not 3", Specs.errors("@align(3) struct s { int x; };"));
        assertEquals("2:8: @align needs a power of two between 1 and 268435456, not 536870912",
                Specs.errors("@align(1 << 29) struct s { int x; };"));
        assertEquals("2:1: @align takes one power of two, as in @align(8)", Specs.errors("@align struct s { int x; };"));
        assertEquals("2:8: @align takes an integer constant, as in @align(8)", Specs.errors("@align(big) struct s { int x; };"));
        assertEquals("2:1: @align applies to a struct, a union or a member", Specs.errors("@align(4) typedef int a_t;"));
        assertEquals("2:12: @packed applies to a struct or union definition", Specs.errors("struct s { @packed int x; };"));
        assertEquals("2:1: @packed takes no arguments", Specs.errors("@packed(1) struct s { int x; };"));
        assertEquals("2:1: @packed applies to a struct or union definition", Specs.errors("@packed const int X = 1;"));
        assertEquals("2:12: @if needs a predicate, as in @if(lp64)", Specs.errors("struct s { @if() int x; };"));
        assertEquals("2:1: annotations belong on the definition of struct 's', not on a forward declaration",
                Specs.errors("@packed struct s;"));
    }

    @Test
    void unknownAnnotationsListTheKnownOnes() {
        assertEquals("2:12: unknown annotation '@sinse'; did you mean 'since'?; known annotations: @align, @packed, "
                + "@version, @since, @reserved, @if, @offset, @size, @pad_to, @version_field, @extensible, @accept",
                Specs.errors("struct s { @sinse(2) int x; };"));
    }

    @Test
    void annotationSyntaxErrors() {
        assertEquals("2:2: expected an annotation name right after '@', found '('", Specs.errors("@(2) struct s { int x; };"));
        assertEquals("2:26: expected ')' to close @if( opened at line 2, found ';'", Specs.errors("struct s { @if(lp64 int x; };"));
        assertEquals("2:1: annotation is not followed by a declaration", Specs.errors("@packed"));
    }
}
