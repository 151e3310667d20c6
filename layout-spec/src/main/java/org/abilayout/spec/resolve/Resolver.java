package org.abilayout.spec.resolve;

import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.traits.TraitResolver;

/**
 * Syntax tree → {@link Spec}: binds every name, evaluates every constant, checks every
 * annotation, and guarantees the layout engine an acyclic model whose by-value nesting is at most
 * {@value #MAX_NESTING} levels deep. It runs in stages, each over the whole file, each handing
 * the next an immutable result:
 * <ol>
 *   <li>{@link NameTable}: every tag and ordinary name declared, so types may be used before
 *       their declaration, as the spec language allows;
 *   <li>{@link ConstantValues}: constants and enumerators evaluated in source order;
 *   <li>{@link TypeOrder}: structs and typedefs ordered by by-value containment, cycles reported;
 *   <li>{@link DeclBuilder}: enums, records and typedefs built in that order, their types made by
 *       {@link DeclaratorTypes} and their annotations checked by {@link AnnotationChecker} and
 *       {@link TraitResolver};
 *   <li>{@link Assembly}: the declarations in source order.
 * </ol>
 *
 * <p>Where C and the model differ, the choices are: a tagged struct defined inside another
 * declaration ({@code struct tag { ... } m;}) is also a top-level declaration, listed just before
 * the declaration that contains it; {@code typedef struct { ... } T;} keeps its record anonymous
 * (it is laid out through the typedef wherever it is used, and C has no {@code struct T}); the
 * enumerators of an anonymous top-level {@code enum { ... };} become constants.
 */
public final class Resolver {
    /** By-value nesting levels (structs, unions, arrays, typedefs) the model may have. */
    public static final int MAX_NESTING = DeclBuilder.MAX_NESTING;

    private Resolver() {}

    /** Resolves a parsed file; errors go to {@code reporter} (the result is only valid without errors). */
    public static Spec resolve(Syntax.File file, Reporter reporter) {
        NameTable names = NameTable.declare(file, reporter);
        ConstantValues values = ConstantValues.evaluate(file, names, reporter);
        TypeOrder order = TypeOrder.of(file, names, reporter);
        TraitResolver traits = new TraitResolver(reporter);
        AnnotationChecker annotations = new AnnotationChecker(names, values, traits, reporter);
        DeclBuilder.Built built = new DeclBuilder(names, values, annotations, traits, reporter).build(file, order);
        return new Spec(file.packageName(), reporter.source(),
                Assembly.assemble(file, names, values, built, annotations, reporter));
    }
}
