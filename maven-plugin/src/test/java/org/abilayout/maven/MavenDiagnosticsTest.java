package org.abilayout.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenDiagnosticsTest {
    private static final Path BASE = Path.of("/work/project").toAbsolutePath();
    private static final String TEXT = "package x;\n\nstruct s {\n\tuint33_t flags;\n};\n";

    private static SpecException error(String file, int offset, String message) {
        SourceFile src = new SourceFile(file, TEXT);
        return new SpecException(Diagnostic.error(src.pos(offset), message), src);
    }

    @Test
    void locationIsTheAbsolutePathWithLineAndColumnInBracketsAsTheCompilerPluginPrintsIt() {
        SpecException e = error("src/main/layout/x.layout", TEXT.indexOf("uint33_t"), "unknown type name 'uint33_t'");
        String text = new MavenDiagnostics(BASE).format(e.diagnostics().getFirst(), e);
        assertEquals(BASE.resolve("src/main/layout/x.layout") + ":[4,2] unknown type name 'uint33_t'\n"
                + "\tuint33_t flags;\n"
                + "\t^", text);
    }

    @Test
    void aDiagnosticWithoutALineNamesTheFileOnly() {
        SourceFile src = new SourceFile("/abs/gone.layout", "");
        SpecException e = new SpecException(Diagnostic.error(new org.abilayout.spec.source.SourcePos("/abs/gone.layout", 0, 0, 0),
                "no such file"), src);
        assertEquals("/abs/gone.layout no such file", new MavenDiagnostics(BASE).format(e.diagnostics().getFirst(), e));
    }

    @Test
    void theFailureRepeatsEveryErrorHeadlineAfterACount() {
        List<SpecException> failures = new ArrayList<>();
        failures.add(error("/abs/a.layout", 0, "first"));
        failures.add(error("/abs/b.layout", TEXT.indexOf("struct"), "second"));
        MojoFailureException f = new MavenDiagnostics(BASE).failure(failures, new SystemStreamLog());
        assertEquals("2 errors in abilayout specs\n/abs/a.layout:[1,1] first\n/abs/b.layout:[3,1] second", f.getMessage());
    }
}
