package org.abilayout.spec.model;

import java.util.List;
import org.abilayout.spec.source.SourcePos;

/**
 * An {@code @name(args)} annotation as written. The resolver validates the known ones and turns
 * them into typed fields of the declaration ({@link RecordDecl#packed()}, {@link Member#align()},
 * ...); the raw form is kept so later stages (versioning) can read theirs.
 *
 * @param name without the {@code @}
 * @param args the arguments in order; empty for {@code @packed}
 */
public record Annotation(String name, List<AnnotationArg> args, SourcePos pos) {
    public Annotation {
        args = List.copyOf(args);
    }
}
