package org.abilayout.codegen.java;

import org.abilayout.codegen.OutputFiles;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.RecordTraits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaGeneratorTest {
    private static final JavaGenerator GEN = new JavaGenerator();

    private static Member member(String name, Scalar type, boolean isVolatile, int line) {
        return new Member(name, CType.qualified(new CType.ScalarType(type), new Qualifiers(false, isVolatile, false)), OptionalLong.empty(),
                Optional.empty(), List.of(), MemberTraits.NONE, new SourcePos("lock.layout", line, 5, 0));
    }

    /** struct lock_word { uint16_t tag; volatile int32_t count; } — count sits at 2 on m68k-linux-gnu. */
    private static Spec lockWord() {
        RecordDecl r = new RecordDecl(RecordDecl.Kind.STRUCT, "lock_word",
                List.of(member("tag", Scalar.UINT16, false, 3), member("count", Scalar.INT32, true, 4)), false,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, new SourcePos("lock.layout", 2, 1, 0));
        return new Spec("demo.locks", new SourceFile("lock.layout", ""), List.of(r));
    }

    private static Layouts all(Spec spec) throws SpecException {
        return LayoutEngine.layoutAll(spec, Catalogue.all());
    }

    @Test
    void volatileWordTwoAlignedOnM68kIsAWarningNamingPositionTargetAndFix() throws Exception {
        List<Diagnostic> warnings = GEN.check(all(lockWord()), JavaGenerator.Options.defaults());
        assertEquals(1, warnings.size());
        Diagnostic d = warnings.getFirst();
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertEquals("lock.layout:4:5", d.pos().toString());
        assertEquals("volatile member 'count' of struct lock_word (4 bytes) is only 2-byte aligned on m68k-linux-gnu: "
                + "atomic access can tear there, so its atomic accessors refuse such addresses at run time; "
                + "add @align(4) to the member to make it safe for atomics on every target", d.message());
        assertEquals(1, GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults()).size());
    }

    @Test
    void aMemberNamedLikeTheGeneratedApiGetsAnUnderscore() throws Exception {
        Spec spec = org.abilayout.spec.SpecReader.parse(new org.abilayout.spec.source.SourceFile("v.layout", """
                package t;
                @version(1) struct s { @version_field uint32_t version; uint32_t layout; };
                """));
        String text = GEN.generate(spec, "v.layout", JavaGenerator.Options.defaults()).getFirst().toString();
        // the class's own version() reads the version field; the member's accessors are version_()
        assertTrue(text.contains("public int version_(MemorySegment segment)"), text);
        assertTrue(text.contains("public int layout_(MemorySegment segment)"), text);
        var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gen");
        java.nio.file.Path src = dir.resolve("S.java");
        java.nio.file.Files.writeString(src, text);
        int rc = compiler.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "the generated class must compile");
    }

    @Test
    void strictGenerationFailsOnAMisalignedSharedWord() {
        var e = assertThrows(SpecException.class,
                () -> GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults().withStrict(true)));
        assertTrue(e.getMessage().startsWith("lock.layout:4:5: volatile member 'count'"), e.getMessage());
    }

    @Test
    void targetsWhereTheWordIsAlignedGiveNoWarning() throws Exception {
        var layouts = LayoutEngine.layoutAll(lockWord(), Catalogue.all().stream()
                .filter(t -> !t.name().startsWith("m68k")).toList());
        assertEquals(List.of(), GEN.check(layouts, JavaGenerator.Options.defaults()));
    }

    @Test
    void recordsBecomeUpperCamelClassesInTheSpecOrOverriddenPackage() throws Exception {
        JavaFile f = GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults()).getFirst();
        assertEquals("demo.locks", f.packageName());
        assertEquals("LockWord", f.typeSpec().name());
        JavaFile g = GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults().withPackage("com.acme.abi")).getFirst();
        assertEquals("com.acme.abi", g.packageName());
        assertEquals("Umutex", JavaNames.className("umutex"));
        assertEquals("MsgHeader", JavaNames.className("msg_header"));
        assertEquals("class_", JavaNames.memberName("class"));
        assertEquals("demo.int_", JavaGenerator.javaPackage("demo.int"));
    }

    @Test
    void targetsWithByteIdenticalLayoutsShareOneLayoutMethod() throws Exception {
        String text = GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults()).getFirst().toString();
        // little-endian with count at 4, big-endian at 4, and m68k-linux-gnu with count at 2
        assertTrue(text.contains("private static StructLayout layout2()"), text);
        assertTrue(!text.contains("layout3()"), text);
        assertTrue(text.contains("JAVA_INT.withOrder(BIG_ENDIAN).withByteAlignment(2).withName(\"count\")"), text);
        assertTrue(text.contains("Offset: 4 (4 bytes) on all lp64 targets, all ilp32 targets, all llp64 targets, except")
                || text.contains("Offset: 4 (4 bytes)"), text);
        assertTrue(text.contains("from lock.layout:4."), text);
    }

    @Test
    void everyPublicMethodHasJavadocAndEveryMemberAccessorCitesItsSpecLine() throws Exception {
        var type = GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults()).getFirst().typeSpec();
        List<com.palantir.javapoet.TypeSpec> types = new java.util.ArrayList<>(type.typeSpecs());
        types.add(type);
        for (var t : types) {
            for (var m : t.methodSpecs()) {
                if (!m.modifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) continue;
                assertTrue(!m.javadoc().isEmpty(), t.name() + "." + m.name() + " has no javadoc");
                if (m.name().startsWith("count")) assertTrue(m.javadoc().toString().contains("from lock.layout:4."), m.javadoc().toString());
            }
        }
    }

    @Test
    void aStructCalledHostGetsItsStaticHostAccessorsAsOnHost() throws Exception {
        RecordDecl r = new RecordDecl(RecordDecl.Kind.STRUCT, "host", List.of(member("x", Scalar.INT, false, 3)), false,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, new SourcePos("h.layout", 2, 1, 0));
        Spec spec = new Spec("demo", new SourceFile("h.layout", ""), List.of(r));
        var type = GEN.generate(spec, "h.layout", JavaGenerator.Options.defaults()).getFirst().typeSpec();
        assertEquals("Host", type.name());
        assertEquals(List.of("OnHost"), type.typeSpecs().stream().map(com.palantir.javapoet.TypeSpec::name).toList());
    }

    @Test
    void aLiftedMemberThatWouldShareAnAccessorNameIsAnError() {
        RecordDecl anon = new RecordDecl(RecordDecl.Kind.STRUCT, "", List.of(member("x", Scalar.INT, false, 4)), false,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, new SourcePos("d.layout", 3, 5, 0));
        Member pos = new Member("pos",  CType.RecordType.of(anon), OptionalLong.empty(), Optional.empty(),
                List.of(), MemberTraits.NONE, new SourcePos("d.layout", 3, 5, 0));
        RecordDecl r = new RecordDecl(RecordDecl.Kind.STRUCT, "dup", List.of(pos, member("pos_x", Scalar.INT, false, 6)), false,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, new SourcePos("d.layout", 2, 1, 0));
        Spec spec = new Spec("demo", new SourceFile("d.layout", ""), List.of(r));
        var e = assertThrows(SpecException.class, () -> GEN.generate(spec, "d.layout", JavaGenerator.Options.defaults()));
        assertTrue(e.getMessage().contains("member 'pos_x' of struct dup would get the Java accessor name 'pos_x' that 'pos.x'"),
                e.getMessage());
    }

    @Test
    void aRecordNamedLikeTheConstantsClassIsAnError() {
        RecordDecl r = new RecordDecl(RecordDecl.Kind.STRUCT, "constants", List.of(member("x", Scalar.INT, false, 3)), false,
                OptionalLong.empty(), Optional.empty(), List.of(), RecordTraits.NONE, new SourcePos("c.layout", 2, 1, 0));
        Spec spec = new Spec("demo", new SourceFile("c.layout", ""), List.of(r));
        var e = assertThrows(SpecException.class, () -> GEN.generate(spec, "c.layout", JavaGenerator.Options.defaults()));
        assertTrue(e.getMessage().contains("struct constants would be generated as class Constants"), e.getMessage());
    }

    @Test
    void writeReplacesFilesWholeAndLeavesNoTemporaryFiles(@TempDir Path out) throws Exception {
        List<JavaFile> files = GEN.generate(lockWord(), "lock.layout", JavaGenerator.Options.defaults());
        Path target = out.resolve("demo/locks/LockWord.java");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "stale");
        List<Path> written = OutputFiles.write(out, JavaGenerator.files(files)).stream().map(OutputFiles.Written::path).toList();
        assertEquals(List.of(target), written);
        assertEquals(files.getFirst().toString(), Files.readString(target));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList());
        }
    }
}
