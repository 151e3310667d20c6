package org.abilayout.spec.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a struct or union: what {@link CType.RecordType} holds. A named record is
 * identified by its kind and tag, so a struct can point to itself and two references to one tag
 * are equal; an anonymous record (no tag) is identified by its definition.
 *
 * <p>The resolver creates one reference per tag before it builds any record, and binds each to
 * its definition once the definition is built; a tag the spec never defines stays unbound (an
 * incomplete type, usable behind a pointer). Binding happens before the resolved
 * {@link Spec} is handed on, so every later stage sees a fixed reference.
 */
public final class RecordRef {
    private final RecordDecl.Kind kind;
    private final String tag;
    private RecordDecl definition;

    private RecordRef(RecordDecl.Kind kind, String tag, RecordDecl definition) {
        this.kind = Objects.requireNonNull(kind);
        this.tag = Objects.requireNonNull(tag);
        this.definition = definition;
    }

    /** A named record whose definition is not bound yet (the resolver binds it, or it stays incomplete). */
    public static RecordRef named(RecordDecl.Kind kind, String tag) {
        if (tag.isEmpty()) throw new IllegalArgumentException("a named record needs a tag");
        return new RecordRef(kind, tag, null);
    }

    /** A reference bound to {@code decl} (named or anonymous). */
    public static RecordRef defined(RecordDecl decl) {
        return new RecordRef(decl.kind(), decl.name(), decl);
    }

    /**
     * Binds the definition of a named reference. Only the resolver calls this, once per tag,
     * before the spec is published.
     *
     * @throws IllegalStateException if already bound, or if {@code decl} is another record
     */
    public void bind(RecordDecl decl) {
        if (definition != null) throw new IllegalStateException(this + " is already bound");
        if (decl.kind() != kind || !decl.name().equals(tag)) {
            throw new IllegalArgumentException("cannot bind " + this + " to " + decl.cName());
        }
        definition = decl;
    }

    public RecordDecl.Kind kind() {
        return kind;
    }

    /** The tag; empty for an anonymous record. */
    public String tag() {
        return tag;
    }

    public boolean isAnonymous() {
        return tag.isEmpty();
    }

    /** The definition; empty for a struct or union the spec names but does not define. */
    public Optional<RecordDecl> definition() {
        return Optional.ofNullable(definition);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof RecordRef r) || isAnonymous() != r.isAnonymous()) return false;
        // an anonymous record has no name: it is its definition
        return isAnonymous() ? definition == r.definition : kind == r.kind && tag.equals(r.tag);
    }

    @Override
    public int hashCode() {
        return isAnonymous() ? System.identityHashCode(definition) : kind.hashCode() * 31 + tag.hashCode();
    }

    /** {@code struct node}; for an anonymous record, the keyword alone. */
    @Override
    public String toString() {
        return isAnonymous() ? kind.keyword() : kind.keyword() + " " + tag;
    }
}
