package org.abilayout.spec.syntax;

import java.math.BigInteger;
import org.abilayout.spec.source.SourcePos;

/** An integer constant expression as written; the resolver evaluates it. */
public sealed interface Expr {
    /** Where the expression (for operators: the operator) is, for positioned evaluation errors. */
    SourcePos pos();

    /** An integer or character literal (always non-negative, at most 2^64-1). */
    record Literal(BigInteger value, SourcePos pos) implements Expr {}

    /** A literal the lexer rejected (and reported): evaluating it fails silently. */
    record Invalid(SourcePos pos) implements Expr {}

    /** A constant or enumerator name. */
    record Name(String name, SourcePos pos) implements Expr {}

    /** {@code - + ~ !} applied to an operand. */
    record Unary(TokenKind op, Expr operand, SourcePos pos) implements Expr {}

    /** A binary operator; {@code pos} is the operator's position. */
    record Binary(TokenKind op, Expr left, Expr right, SourcePos pos) implements Expr {}

    /** {@code cond ? then : otherwise}; {@code pos} is the {@code ?}. */
    record Conditional(Expr cond, Expr then, Expr otherwise, SourcePos pos) implements Expr {}
}
