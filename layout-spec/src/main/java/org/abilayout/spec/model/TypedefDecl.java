package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.SourcePos;

/** {@code typedef T NAME;} */
public record TypedefDecl(
        String name,
        CType type,
        Qualifiers qualifiers,
        Optional<String> doc,
        List<Annotation> annotations,
        SourcePos pos) implements Decl {

    public TypedefDecl {
        annotations = List.copyOf(annotations);
    }
}
