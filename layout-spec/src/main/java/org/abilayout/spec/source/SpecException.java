package org.abilayout.spec.source;

import java.util.List;

/**
 * Bad input: carries every diagnostic found (at least one error) and the sources they point
 * into, so the edge (CLI, Maven) can print them with lines and carets. Never a bug signal.
 */
public final class SpecException extends Exception {
    private final List<Diagnostic> diagnostics;
    private final List<SourceFile> sources;

    public SpecException(List<Diagnostic> diagnostics, List<SourceFile> sources) {
        super(diagnostics.isEmpty() ? "invalid spec" : diagnostics.getFirst().pos() + ": " + diagnostics.getFirst().message(),
                null, false, false);
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("a SpecException needs a diagnostic");
        this.diagnostics = List.copyOf(diagnostics);
        this.sources = List.copyOf(sources);
    }

    public SpecException(Diagnostic diagnostic, SourceFile source) {
        this(List.of(diagnostic), source == null ? List.of() : List.of(source));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<SourceFile> sources() {
        return sources;
    }

    /** All diagnostics rendered as {@code FILE:LINE:COL: error: MESSAGE}, source line, caret. */
    public String render() {
        return DiagnosticPrinter.render(diagnostics, sources);
    }
}
