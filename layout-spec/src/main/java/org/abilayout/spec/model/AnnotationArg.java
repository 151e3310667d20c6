package org.abilayout.spec.model;

import org.abilayout.spec.source.SourcePos;

/**
 * One argument of an annotation. Annotation arguments are either an evaluated integer, a bare
 * name, a string, a {@code key: value} pair, or a predicate text; the resolver of each annotation decides
 * which forms it accepts.
 */
public sealed interface AnnotationArg {
    SourcePos pos();

    /** An integer constant expression, already evaluated. */
    record Int(long value, SourcePos pos) implements AnnotationArg {}

    /** A bare identifier ({@code lp64}, {@code x86_64-linux-gnu} in a keyed form, ...). */
    record Name(String name, SourcePos pos) implements AnnotationArg {}

    /** {@code key: value}, as in {@code @size(lp64: 40, ilp32: 24)}. */
    record Keyed(String key, AnnotationArg value, SourcePos pos) implements AnnotationArg {}

    /** A string literal, as in {@code reason: "clients never embed it"}; the value is unescaped. */
    record Str(String value, SourcePos pos) implements AnnotationArg {}

    /** The raw text of a predicate such as {@code @if(lp64 && !arch(mips))}, with its position. */
    record Text(String text, SourcePos pos) implements AnnotationArg {}
}
