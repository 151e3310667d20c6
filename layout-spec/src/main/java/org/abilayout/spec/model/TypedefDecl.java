package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.SourcePos;

/** {@code typedef T NAME;} ({@code type} carries the qualifiers written with it). */
public record TypedefDecl(
        String name,
        CType type,
        Optional<String> doc,
        List<Annotation> annotations,
        SourcePos pos) implements Decl {

    public TypedefDecl {
        annotations = List.copyOf(annotations);
    }

    /** The qualifiers of the innermost element object as written (typedefs not looked through). */
    public Qualifiers qualifiers() {
        return ElementType.writtenQualifiers(type);
    }
}
