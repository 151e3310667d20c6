package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.cdecl.DeclaratorWriter;
import org.abilayout.spec.cdecl.Spelling;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.RecordRef;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.model.TypedefRef;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.SuiteTools;
import org.abilayout.testsupport.Tools;

/**
 * The one declarator writer, proven by the compilers: random type trees of depth 4 to 7
 * (function pointers returning function pointers, pointers to arrays, arrays of function
 * pointers, qualifiers at every level, variadic prototypes, struct and typedef names) are
 * written by {@link DeclaratorWriter} and compiled in batches by clang-19 as C11 and as C++17.
 *
 * <p>The oracle is independent of the writer: each type is also built bottom-up as a chain of
 * typedefs, one derivation per typedef ({@code typedef t3 *t4;}, {@code typedef t4 t5[3];},
 * {@code typedef t5 t6(t2, ...);}), which needs no declarator syntax at all; the compiler then
 * confirms that the written declaration has exactly that type
 * ({@code __builtin_types_compatible_p} in C, {@code std::is_same_v} in C++, which also compares
 * qualifiers). Finally each written type, behind a pointer, is read back by the spec parser and
 * must resolve to the same value.
 */
class DeclaratorPropertiesTest {
    private static final DebianTool CLANGXX = new DebianTool("clang++-19", "clang-19");
    private static final int BATCH = 60;
    private static final Path WORK = Path.of("target", "declarator-properties");

    private static final CType VOID = CType.VoidType.INSTANCE;
    private static final Scalar[] SCALARS = {Scalar.CHAR, Scalar.INT, Scalar.UINT32, Scalar.LONG, Scalar.DOUBLE,
            Scalar.BOOL, Scalar.SIZE, Scalar.UCHAR, Scalar.LONG_LONG};
    private static final RecordDecl NODE = new RecordDecl(RecordDecl.Kind.STRUCT, "node", List.of(), false,
            OptionalLong.empty(), Optional.empty(), List.of(), org.abilayout.spec.traits.RecordTraits.NONE,
            org.abilayout.spec.source.SourcePos.NONE);
    /** Declarations every test file starts with, in C, C++ and the spec language alike. */
    private static final String PRELUDE_C = "struct node { int v; struct node *next; };\ntypedef long handle_t;\n";

    @BeforeContainer
    static void tools() {
        Tools.require(SuiteTools.CLANG);
        Tools.require(CLANGXX);
    }

    @Provide
    Arbitrary<List<CType>> batches() {
        return Arbitraries.randomValue(random -> {
            List<CType> out = new ArrayList<>(BATCH);
            while (out.size() < BATCH) {
                CType t = new TypeTrees(random).tree(4 + random.nextInt(4));
                // an object or a function can be declared; void cannot
                out.add(t.unqualified() instanceof CType.VoidType ? new CType.PointerType(t) : t);
            }
            return out;
        });
    }

    @Property(tries = 12, seed = "20261201")
    void everyWrittenDeclarationHasTheTypeTheCompilersBuildFromTypedefs(@ForAll("batches") List<CType> types)
            throws Exception {
        Files.createDirectories(WORK);
        StringBuilder typedefs = new StringBuilder();
        StringBuilder declarations = new StringBuilder();
        StringBuilder cChecks = new StringBuilder();
        StringBuilder cxxChecks = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
            CType t = types.get(i);
            String oracle = new TypedefChain(typedefs, "t" + i + "_").name(t);
            String written = DeclaratorWriter.declaration(t, "x" + i, Spelling.SPEC).toString();
            declarations.append("extern ").append(written).append(";\n");
            cChecks.append("_Static_assert(__builtin_types_compatible_p(__typeof__(x").append(i).append("), ").append(oracle)
                    .append("), \"").append(escape(written)).append("\");\n");
            cxxChecks.append("static_assert(std::is_same_v<decltype(x").append(i).append("), ").append(oracle)
                    .append(">, \"").append(escape(written)).append("\");\n");
        }
        String body = PRELUDE_C + typedefs + declarations;
        Path c = Files.writeString(Files.createTempFile(WORK, "batch", ".c"),
                "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n" + body + cChecks);
        Path cxx = Files.writeString(Files.createTempFile(WORK, "batch", ".cc"),
                "#include <stddef.h>\n#include <stdint.h>\n#include <type_traits>\n#define _Bool bool\n" + body + cxxChecks);
        compile(List.of("clang-19", "-std=c11", "-fsyntax-only", "-Werror", "-Wno-unused", c.toString()));
        compile(List.of("clang++-19", "-std=c++17", "-fsyntax-only", "-Werror", "-Wno-unused", cxx.toString()));
        // and the spec parser reads every written type back to the same value (behind a pointer:
        // a spec typedef names an object type, and a pointer to anything is one)
        StringBuilder spec = new StringBuilder("package props;\n" + PRELUDE_C);
        for (int i = 0; i < types.size(); i++) {
            spec.append("typedef ").append(DeclaratorWriter.declaration(new CType.PointerType(types.get(i)), "p" + i,
                    Spelling.SPEC)).append(";\n");
        }
        Spec parsed = SpecReader.parse(new SourceFile("props.layout", spec.toString()));
        for (int i = 0; i < types.size(); i++) {
            TypedefDecl td = (TypedefDecl) parsed.decl("p" + i).orElseThrow();
            assertEquals(new CType.PointerType(types.get(i)), td.type(), DeclaratorWriter.spec(types.get(i)));
        }
    }

    private static void compile(List<String> command) {
        ProcessResult r = ProcessRunner.of(command).timeout(Duration.ofMinutes(2)).run();
        assertTrue(r.ok(), () -> String.join(" ", command) + " rejected the written declarations:\n" + r.output());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Random type trees, valid in C and C++: arrays of complete object types, functions that
     * return neither arrays nor functions, qualifiers on neither arrays nor functions nor void
     * parameters (C adjusts away what is written there, so the value would not round-trip).
     */
    private record TypeTrees(Random random) {
        CType tree(int depth) {
            if (depth <= 1) return leaf();
            CType inner = tree(depth - 1);
            return switch (random.nextInt(5)) {
                case 0 -> qualify(new CType.PointerType(inner));
                case 1 -> isObject(inner) ? new CType.ArrayType(inner, OptionalLong.of(1 + random.nextInt(4)))
                        : new CType.PointerType(inner);
                case 2 -> returnable(inner) ? function(inner) : new CType.PointerType(inner);
                case 3 -> qualify(inner);
                default -> new CType.PointerType(qualify(inner));
            };
        }

        private CType leaf() {
            return switch (random.nextInt(6)) {
                case 0 -> new CType.RecordType(RecordRef.defined(NODE));
                case 1 -> new CType.TypedefType(TypedefRef.named("handle_t"));
                case 2 -> VOID;
                default -> new CType.ScalarType(SCALARS[random.nextInt(SCALARS.length)]);
            };
        }

        private CType function(CType result) {
            List<CType.Param> params = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                CType p = tree(1 + random.nextInt(2));
                if (p.unqualified() instanceof CType.ArrayType || p.unqualified() instanceof CType.FunctionType
                        || p instanceof CType.VoidType || !p.qualifiers().isEmpty()) {
                    p = new CType.PointerType(p);
                }
                params.add(new CType.Param(random.nextBoolean() ? "" : "a" + i, p));
            }
            return new CType.FunctionType(result, params, n > 0 && random.nextInt(4) == 0);
        }

        private CType qualify(CType t) {
            CType u = t.unqualified();
            if (u instanceof CType.ArrayType || u instanceof CType.FunctionType) return t;
            return CType.qualified(t, new Qualifiers(random.nextBoolean(), random.nextInt(3) == 0, false));
        }

        private static boolean isObject(CType t) {
            CType u = t.unqualified();
            return !(u instanceof CType.FunctionType || u instanceof CType.VoidType);
        }

        private static boolean returnable(CType t) {
            CType u = t.unqualified();
            if (u instanceof CType.VoidType) return t.qualifiers().isEmpty();
            return !(u instanceof CType.ArrayType || u instanceof CType.FunctionType);
        }
    }

    /** The type as typedefs, one derivation each: {@code typedef t3 *t4;}. Returns the last name. */
    private record TypedefChain(StringBuilder out, String prefix) {
        private static int counter;

        String name(CType t) {
            String n = prefix + counter++;
            switch (t) {
                case CType.QualifiedType q -> line(qualifiers(q.qualifiers()) + name(q.type()) + " " + n);
                case CType.PointerType p -> line(name(p.target()) + " *" + n);
                case CType.ArrayType a -> line(name(a.element()) + " " + n + "[" + a.length().getAsLong() + "]");
                case CType.FunctionType f -> {
                    List<String> params = new ArrayList<>();
                    for (CType.Param p : f.params()) params.add(name(p.type()));
                    if (f.variadic()) params.add("...");
                    line(name(f.result()) + " " + n + "(" + (params.isEmpty() ? "void" : String.join(", ", params)) + ")");
                }
                case CType.RecordType r -> line("struct " + r.ref().tag() + " " + n);
                case CType.TypedefType td -> line(td.name() + " " + n);
                case CType.ScalarType s -> line(s.scalar().spelling() + " " + n);
                case CType.VoidType v -> line("void " + n);
                default -> throw new IllegalArgumentException(t.toString());
            }
            return n;
        }

        private void line(String declaration) {
            out.append("typedef ").append(declaration).append(";\n");
        }

        private static String qualifiers(Qualifiers q) {
            return (q.isConst() ? "const " : "") + (q.isVolatile() ? "volatile " : "");
        }
    }
}
