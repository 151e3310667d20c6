package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.source.SourcePos;

/**
 * {@code const T NAME = expr;} — an integer constant usable in array sizes and annotations.
 *
 * @param value the value, range-checked against {@code type}; for {@code uint64_t} values above
 *     {@link Long#MAX_VALUE} it holds the two's complement bit pattern
 */
public record ConstDecl(
        String name,
        Scalar type,
        long value,
        Optional<String> doc,
        List<Annotation> annotations,
        SourcePos pos) implements Decl {

    public ConstDecl {
        annotations = List.copyOf(annotations);
    }
}
