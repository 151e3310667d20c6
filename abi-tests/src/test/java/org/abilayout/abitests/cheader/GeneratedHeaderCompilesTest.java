package org.abilayout.abitests.cheader;

import org.abilayout.abitests.HeaderFiles;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated header compiles warning-free ({@code -Wall -Wextra -Wpadded -pedantic -Werror})
 * as C11 and as C++17 on every catalogue target, with the target's reference compiler; since
 * the header asserts every size, alignment and offset, compiling proves the layout too.
 */
class GeneratedHeaderCompilesTest {
    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> everyHeaderCompilesCleanlyAndItsAssertionsHoldOnEveryTarget() throws Exception {
        List<DynamicNode> specs = new ArrayList<>();
        int i = 0;
        for (Spec spec : Specs.all()) specs.add(perTarget(spec, write(spec, Files.createDirectories(dir.resolve("spec" + i++)))));
        return specs.stream();
    }

    /**
     * Writes the header and a file that uses what it offers the way a C project would: every
     * initializer macro (which must pass {@code -Wmissing-field-initializers}, part of
     * {@code -Wextra}, in C and C++), every init function, every version and presence macro,
     * every constant and enumerator.
     */
    static Path write(Spec spec, Path dir) throws Exception {
        Path header = HeaderFiles.write(spec, Catalogue.all(), dir);
        StringBuilder c = new StringBuilder("#include \"" + header.getFileName() + "\"\n\n");
        c.append("int use_everything(void);\nint use_everything(void) {\n    int sum = 0;\n");
        for (RecordDecl r : spec.records()) {
            String upper = r.name().toUpperCase(Locale.ROOT);
            String var = "v_" + r.name();
            c.append("    ").append(r.cName()).append(" ").append(var).append(" = ").append(upper).append("_INITIALIZER;\n");
            c.append("    ").append(r.name().toLowerCase(Locale.ROOT)).append("_init(&").append(var).append(");\n");
            c.append("    sum += (int)sizeof ").append(var).append(" + ").append(upper).append("_VERSION;\n");
            for (Member m : r.members()) {
                if (m.traits().since() > 1) {
                    c.append("    sum += ").append(upper).append("_HAS_").append(m.name().toUpperCase(Locale.ROOT))
                            .append("(").append(upper).append("_VERSION);\n");
                }
            }
        }
        for (Decl d : spec.decls()) {
            if (d instanceof ConstDecl k) c.append("    (void)").append(k.name()).append(";\n");
            if (d instanceof EnumDecl e) {
                for (EnumDecl.Enumerator v : e.values()) c.append("    (void)").append(v.name()).append(";\n");
            }
        }
        c.append("    return sum;\n}\n");
        Path use = dir.resolve("use_" + header.getFileName().toString().replace(".h", ".c"));
        Files.writeString(use, c);
        return use;
    }

    private static DynamicContainer perTarget(Spec spec, Path file) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Target t : Catalogue.all()) {
            for (Compiler.Language language : Compiler.Language.values()) {
                tests.add(DynamicTest.dynamicTest(t.name() + " " + language, () -> {
                    Compiler.Result r = Compiler.syntaxCheck(t, language, file, List.of());
                    assertTrue(r.ok(), () -> spec.source().name() + " on " + t.name() + " as " + language + ":\n" + r.output());
                }));
            }
        }
        return DynamicContainer.dynamicContainer(spec.source().name(), tests);
    }
}
