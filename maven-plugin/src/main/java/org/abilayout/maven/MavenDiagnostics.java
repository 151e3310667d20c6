package org.abilayout.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.DiagnosticPrinter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints spec diagnostics the way maven-compiler-plugin prints javac's, so IDEs and log readers
 * that know {@code [ERROR] /abs/path/Foo.java:[12,5] message} find the spot: absolute path,
 * {@code [line,column]}, message; then the source line and a caret, as the CLI shows them.
 */
final class MavenDiagnostics {
    private final Path basedir;

    /** @param basedir what relative file names in diagnostics are relative to */
    MavenDiagnostics(Path basedir) {
        this.basedir = basedir;
    }

    /** {@code /abs/x.layout:[12,5]}, or just the path when the diagnostic has no line. */
    String location(SourcePos pos) {
        if (pos.equals(SourcePos.NONE)) return pos.file();
        Path file = basedir.resolve(pos.file()).toAbsolutePath().normalize();
        return pos.line() > 0 ? file + ":[" + pos.line() + "," + pos.column() + "]" : file.toString();
    }

    /** The first line as the compiler plugin writes it. */
    String headline(Diagnostic d) {
        return location(d.pos()) + " " + d.message();
    }

    /** Headline, then the source line and caret (the same excerpt the CLI prints). */
    String format(Diagnostic d, SpecException e) {
        // the printer owns the excerpt (tabs, long lines); only its FILE:LINE:COL line is replaced
        StringBuilder excerpt = new StringBuilder();
        DiagnosticPrinter.render(excerpt, new Diagnostic(d.severity(), d.pos(), ""), e.sources());
        int firstNewline = excerpt.indexOf("\n");
        String tail = firstNewline < 0 ? "" : excerpt.substring(firstNewline + 1);
        String text = headline(d) + (tail.isEmpty() ? "" : "\n" + tail);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Logs every diagnostic of every exception at its severity; returns the error headlines. */
    List<String> log(List<SpecException> failures, Log log) {
        List<String> errors = new ArrayList<>();
        for (SpecException e : failures) {
            for (Diagnostic d : e.diagnostics()) {
                String text = format(d, e);
                switch (d.severity()) {
                    case ERROR -> {
                        log.error(text);
                        errors.add(headline(d));
                    }
                    case WARNING -> log.warn(text);
                    case NOTE -> log.info(text);
                }
            }
        }
        return errors;
    }

    /**
     * Logs the diagnostics and returns the exception that fails the build: its message repeats
     * the error headlines, as the compiler plugin's "Compilation failure" does.
     */
    MojoFailureException failure(List<SpecException> failures, Log log) {
        List<String> errors = log(failures, log);
        String summary = errors.size() == 1 ? "1 error in abilayout specs" : errors.size() + " errors in abilayout specs";
        return new MojoFailureException(summary + "\n" + String.join("\n", errors));
    }
}
