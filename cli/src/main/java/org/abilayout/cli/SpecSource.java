package org.abilayout.cli;

import java.nio.file.Path;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;

/** Where commands get a resolved spec from: the spec reader, or a test's hand-built model. */
@FunctionalInterface
public interface SpecSource {
    SpecSource READER = SpecReader::read;

    Spec read(Path file) throws SpecException;
}
