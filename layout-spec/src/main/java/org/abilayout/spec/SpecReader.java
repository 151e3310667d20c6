package org.abilayout.spec;

import java.nio.file.Path;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;

/**
 * The front end's entry point: reads a spec file (strict UTF-8), lexes, parses and resolves it
 * into a {@link Spec}, or fails with every diagnostic found.
 */
public final class SpecReader {
    private SpecReader() {}

    /** Reads and resolves {@code file}; a missing or unreadable file is a diagnostic too. */
    public static Spec read(Path file) throws SpecException {
        throw new UnsupportedOperationException("front end not written yet");
    }

    /** Parses and resolves already-decoded source text. */
    public static Spec parse(SourceFile source) throws SpecException {
        throw new UnsupportedOperationException("front end not written yet");
    }
}
