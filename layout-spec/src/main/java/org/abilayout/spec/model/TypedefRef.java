package org.abilayout.spec.model;

import java.util.Objects;

/**
 * A reference to a typedef: what {@link CType.TypedefType} holds. A typedef name may be used
 * behind a pointer before the typedef itself is built ({@code struct node { node_t *prev; };
 * typedef struct node node_t;}, which the spec language allows in any order), so uses refer to
 * it by name and the resolver binds the reference once the typedef is built, before the spec is
 * handed on. Two references to one name are equal.
 */
public final class TypedefRef {
    private final String name;
    private TypedefDecl definition;

    private TypedefRef(String name, TypedefDecl definition) {
        this.name = Objects.requireNonNull(name);
        this.definition = definition;
    }

    /** A reference the resolver binds later. */
    public static TypedefRef named(String name) {
        return new TypedefRef(name, null);
    }

    /** A reference bound to {@code decl}. */
    public static TypedefRef defined(TypedefDecl decl) {
        return new TypedefRef(decl.name(), decl);
    }

    /**
     * Binds the definition; only the resolver calls this, once, before the spec is published.
     *
     * @throws IllegalStateException if already bound
     */
    public void bind(TypedefDecl decl) {
        if (definition != null) throw new IllegalStateException("typedef " + name + " is already bound");
        if (!decl.name().equals(name)) throw new IllegalArgumentException("cannot bind " + name + " to " + decl.name());
        definition = decl;
    }

    public String name() {
        return name;
    }

    /** The typedef; throws if the resolver has not bound it (only in a spec with errors). */
    public TypedefDecl decl() {
        if (definition == null) throw new IllegalStateException("typedef " + name + " is not bound");
        return definition;
    }

    public boolean isBound() {
        return definition != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypedefRef r && name.equals(r.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
