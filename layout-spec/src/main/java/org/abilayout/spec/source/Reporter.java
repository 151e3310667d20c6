package org.abilayout.spec.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one front-end run. Every stage (reader, lexer, parser, resolver)
 * reports here instead of throwing, so one run shows all errors of a file. The count is bounded:
 * hostile input (a megabyte of junk) must end quickly with a readable list, so the
 * {@value #MAX_ERRORS}th error adds a final note and unwinds the run with {@link Stop}.
 */
public final class Reporter {
    /** Errors reported before giving up. */
    public static final int MAX_ERRORS = 20;

    private final SourceFile source;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int errors;

    public Reporter(SourceFile source) {
        this.source = source;
    }

    public SourceFile source() {
        return source;
    }

    /**
     * Reports an error. An identical error at the same position is dropped (parser recovery can
     * rediscover the same problem). Throws {@link Stop} once the bound is reached.
     */
    public void error(SourcePos pos, String message) {
        Diagnostic d = Diagnostic.error(pos, message);
        if (!diagnostics.isEmpty() && diagnostics.getLast().equals(d)) return;
        diagnostics.add(d);
        errors++;
        if (errors >= MAX_ERRORS) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.NOTE,
                    new SourcePos(source.name(), 0, 0, 0), "too many errors, stopping"));
            throw new Stop();
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /**
     * Everything reported, in file order (stages find problems in different orders; readers want
     * them top to bottom). The sort is stable and the final "too many errors" note stays last.
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.pos().line() > 0 ? 0 : 1)
                .thenComparingInt(d -> d.pos().offset()));
        return sorted;
    }

    /** Throws a {@link SpecException} with everything collected if any error was reported. */
    public void throwIfErrors() throws SpecException {
        if (errors > 0) throw exception();
    }

    public SpecException exception() {
        return new SpecException(diagnostics(), List.of(source));
    }

    /** Unwinds a run that hit {@link #MAX_ERRORS}; caught by the front end's entry point only. */
    public static final class Stop extends RuntimeException {
        Stop() {
            super("too many errors", null, false, false);
        }
    }
}
