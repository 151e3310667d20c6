package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.MemberTraits;

/**
 * A member of a struct or union.
 *
 * @param name the member name; empty for an anonymous struct/union member (C11), whose own
 *     members are then reached as if they were the parent's
 * @param type the resolved type, qualifiers included (for an anonymous member, a
 *     {@link CType.RecordType} of an anonymous record)
 * @param align {@code @align(N)}: raises the member's alignment to at least N
 * @param traits what the versioning annotations say ({@code @if}, {@code @since}, {@code @reserved}, ...)
 */
public record Member(
        String name,
        CType type,
        OptionalLong align,
        Optional<String> doc,
        List<Annotation> annotations,
        MemberTraits traits,
        SourcePos pos) {

    public Member {
        annotations = List.copyOf(annotations);
    }

    /** The qualifiers of the innermost element object as written (typedefs not looked through). */
    public Qualifiers qualifiers() {
        return ElementType.writtenQualifiers(type);
    }

    public boolean isAnonymous() {
        return name.isEmpty();
    }

    public Optional<Annotation> annotation(String name) {
        return annotations.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
