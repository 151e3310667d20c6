package org.abilayout.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;

/**
 * The generation jobs every front end (CLI, Maven plugin) runs, in one place so they behave the
 * same: each writes its files atomically (no partial output on failure) and returns the paths it
 * wrote, in a stable order.
 */
public final class Generators {
    private Generators() {}

    /** {@code gen c}: one header per spec into {@code outDir}. */
    public static List<Path> c(Spec spec, List<Target> targets, Path outDir) throws SpecException, IOException {
        return List.of(new org.abilayout.codegen.c.CHeaderGenerator().write(spec, targets, outDir));
    }

    /** {@code gen java}: one class per struct/union plus enums and constants, under {@code outDir}. */
    public static List<Path> java(Spec spec, Optional<String> packageOverride, List<Target> targets, Path outDir)
            throws SpecException, IOException {
        return java(spec, packageOverride, targets, false, outDir, d -> { });
    }

    /**
     * {@code gen java} with its warnings (shared words that some target under-aligns for atomics)
     * handed to {@code warnings}; under {@code strict} they are errors and nothing is written.
     */
    public static List<Path> java(Spec spec, Optional<String> packageOverride, List<Target> targets, boolean strict,
            Path outDir, java.util.function.Consumer<org.abilayout.spec.source.Diagnostic> warnings)
            throws SpecException, IOException {
        var generator = new org.abilayout.codegen.java.JavaGenerator();
        String name = Path.of(spec.source().name()).getFileName().toString();
        var options = new org.abilayout.codegen.java.JavaGenerator.Options(packageOverride, targets, strict);
        generator.check(spec, options).forEach(warnings);
        return generator.write(generator.generate(spec, name, options), outDir);
    }
}
