package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.SourcePos;

/** A top-level declaration of a spec. */
public sealed interface Decl permits RecordDecl, EnumDecl, TypedefDecl, ConstDecl {
    String name();

    /** The {@code ///} doc comment before it, without the slashes; lines joined by '\n'. */
    Optional<String> doc();

    List<Annotation> annotations();

    SourcePos pos();
}
