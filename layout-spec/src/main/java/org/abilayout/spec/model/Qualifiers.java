package org.abilayout.spec.model;

/**
 * C type qualifiers of an object. {@code _Atomic} changes layout on some targets (i386 gives an
 * {@code _Atomic long long} 8-byte alignment); {@code const} and {@code volatile} do not, but are
 * kept for the generators (atomic accessors for {@code volatile} shared words).
 */
public record Qualifiers(boolean isConst, boolean isVolatile, boolean isAtomic) {
    public static final Qualifiers NONE = new Qualifiers(false, false, false);

    public Qualifiers merge(Qualifiers o) {
        return new Qualifiers(isConst || o.isConst, isVolatile || o.isVolatile, isAtomic || o.isAtomic);
    }

    public boolean isEmpty() {
        return !isConst && !isVolatile && !isAtomic;
    }

    /** The C spelling, e.g. {@code "const volatile "}, with a trailing space unless empty. */
    public String spelling() {
        return (isConst ? "const " : "") + (isVolatile ? "volatile " : "") + (isAtomic ? "_Atomic " : "");
    }
}
