package org.abilayout.spec.source;

/**
 * A position in a spec file: 1-based line and column (in UTF-16 chars of the line, tabs count
 * as one), plus the absolute character offset.
 */
public record SourcePos(String file, int line, int column, int offset) {
    /** For values that come from no file (built-ins, generated members). */
    public static final SourcePos NONE = new SourcePos("<builtin>", 0, 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
