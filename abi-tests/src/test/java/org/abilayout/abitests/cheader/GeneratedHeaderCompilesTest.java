package org.abilayout.abitests.cheader;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.CHeaderGenerator;
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
        for (Spec spec : Specs.all()) specs.add(perTarget(spec, write(spec)));
        return specs.stream();
    }

    static Path write(Spec spec) throws SpecException, IOException {
        Path header = new CHeaderGenerator().write(spec, Catalogue.all(), dir);
        Path use = dir.resolve("use_" + header.getFileName().toString().replace(".h", ".c"));
        Files.writeString(use, "#include \"" + header.getFileName() + "\"\n");
        return use;
    }

    private static DynamicContainer perTarget(Spec spec, Path file) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Target t : Catalogue.all()) {
            for (Compiler.Language language : Compiler.Language.values()) {
                tests.add(DynamicTest.dynamicTest(t.name() + " " + language, () -> {
                    assumeTrue(Compiler.available(t, language),
                            "m68k-linux-gnu-g++ is not installed (Debian package g++-m68k-linux-gnu): no m68k C++ check");
                    Compiler.Result r = Compiler.syntaxCheck(t, language, file, List.of());
                    assertTrue(r.ok(), () -> spec.packageName() + " on " + t.name() + " as " + language + ":\n" + r.output());
                }));
            }
        }
        return DynamicContainer.dynamicContainer(spec.packageName(), tests);
    }
}
