package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.RecordTraits;

/**
 * A struct or union. Named ones are top-level declarations; anonymous ones (C11 anonymous
 * members, or {@code struct { ... } x;}) appear only as the type of a member and have an empty
 * {@link #name()}.
 *
 * @param packed {@code @packed}: members get alignment 1 (as {@code __attribute__((packed))})
 * @param align {@code @align(N)} on the record: raises its alignment to at least N
 * @param traits what the versioning annotations say ({@code @version}, {@code @pad_to}, ...)
 */
public record RecordDecl(
        Kind kind,
        String name,
        List<Member> members,
        boolean packed,
        OptionalLong align,
        Optional<String> doc,
        List<Annotation> annotations,
        RecordTraits traits,
        SourcePos pos) implements Decl {

    public enum Kind {
        STRUCT, UNION;

        public String keyword() {
            return this == STRUCT ? "struct" : "union";
        }
    }

    public RecordDecl {
        members = List.copyOf(members);
        annotations = List.copyOf(annotations);
    }

    public boolean isAnonymous() {
        return name.isEmpty();
    }

    /** {@code struct NAME} or {@code union NAME}; for anonymous ones, the keyword alone. */
    public String cName() {
        return isAnonymous() ? kind.keyword() : kind.keyword() + " " + name;
    }
}
