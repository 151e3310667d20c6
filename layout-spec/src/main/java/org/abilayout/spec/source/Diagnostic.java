package org.abilayout.spec.source;

/** One message about a spec, with the position it is about. Rendered by {@link DiagnosticPrinter}. */
public record Diagnostic(Severity severity, SourcePos pos, String message) {
    public enum Severity {
        ERROR, WARNING, NOTE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Diagnostic error(SourcePos pos, String message) {
        return new Diagnostic(Severity.ERROR, pos, message);
    }

    public static Diagnostic warning(SourcePos pos, String message) {
        return new Diagnostic(Severity.WARNING, pos, message);
    }
}
