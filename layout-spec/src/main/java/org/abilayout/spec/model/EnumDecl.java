package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.source.SourcePos;

/**
 * An enum. With a fixed underlying type ({@code enum e : uint8_t { ... }}, C23) it has that
 * type's layout; a plain enum is {@code int}-sized as in C, and its values must fit an int.
 */
public record EnumDecl(
        String name,
        Optional<Scalar> underlying,
        List<Enumerator> values,
        Optional<String> doc,
        List<Annotation> annotations,
        SourcePos pos) implements Decl {

    public EnumDecl {
        values = List.copyOf(values);
        annotations = List.copyOf(annotations);
    }

    /** The scalar whose layout the enum has. */
    public Scalar storageScalar() {
        return underlying.orElse(Scalar.INT);
    }

    public record Enumerator(String name, long value, Optional<String> doc, SourcePos pos) {}
}
