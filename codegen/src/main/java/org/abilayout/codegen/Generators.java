package org.abilayout.codegen;

import java.util.List;
import java.util.Optional;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.codegen.java.JavaGenerator;
import org.abilayout.codegen.report.JsonLayoutReport;
import org.abilayout.codegen.report.TextLayoutReport;
import org.abilayout.layout.Layouts;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SpecException;

/**
 * The generation jobs every front end (command line, Maven plugin) runs, in one place so they
 * behave the same. Each takes the layouts the caller computed once and returns file values, in a
 * stable order; the caller writes them with {@link OutputFiles}.
 */
public final class Generators {
    private Generators() {}

    /** {@code gen c}: one header. */
    public static List<GeneratedFile> c(Layouts layouts) throws SpecException {
        return List.of(new CHeaderGenerator().generate(layouts));
    }

    /**
     * {@code gen java}'s classes and the warnings generation has (shared words that some target
     * under-aligns for atomics; errors under {@code strict}, and then there are no files).
     */
    public record JavaOutput(List<GeneratedFile> files, List<Diagnostic> warnings) {}

    /** {@code gen java}: one class per struct/union plus enums and constants. */
    public static JavaOutput java(Layouts layouts, Optional<String> packageOverride, boolean strict) throws SpecException {
        var result = new JavaGenerator().run(layouts, fileName(layouts.spec().source().name()),
                new JavaGenerator.Options(packageOverride, strict));
        return new JavaOutput(JavaGenerator.files(result.classes()), result.warnings());
    }

    /** The layout reports, text and JSON: {@code BASE.layout.txt} and {@code BASE.layout.json}. */
    public static List<GeneratedFile> reports(Layouts layouts, String base) {
        return List.of(new GeneratedFile(base + ".layout.txt", TextLayoutReport.render(layouts)),
                new GeneratedFile(base + ".layout.json", JsonLayoutReport.render(layouts)));
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
