package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;

/** Test helpers: parse spec text that must succeed or must fail. */
final class Specs {
    static final String FILE = "t.layout";

    private Specs() {}

    /** Parses {@code body} after a package line. */
    static Spec ok(String body) {
        return okRaw("package t;\n" + body);
    }

    static Spec okRaw(String text) {
        try {
            return SpecReader.parse(new SourceFile(FILE, text));
        } catch (SpecException e) {
            return fail("unexpected errors:\n" + e.render());
        }
    }

    static SpecException errRaw(String text) {
        return assertThrows(SpecException.class, () -> SpecReader.parse(new SourceFile(FILE, text)));
    }

    /**
     * The diagnostics for {@code body} (after a package line, so body lines start at line 2), one
     * per line as {@code LINE:COL: message}.
     */
    static String errors(String body) {
        return errorsRaw("package t;\n" + body);
    }

    static String errorsRaw(String text) {
        return format(errRaw(text).diagnostics());
    }

    static String format(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.pos().line() + ":" + d.pos().column() + ": " + d.message())
                .collect(Collectors.joining("\n"));
    }

    static RecordDecl record(Spec spec, String name) {
        return spec.record(name).orElseThrow(() -> new AssertionError("no record " + name));
    }

    static Member member(RecordDecl r, String name) {
        return r.members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + name));
    }
}
