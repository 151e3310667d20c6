package org.abilayout.spec.resolve;

import java.math.BigInteger;
import java.util.Optional;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Expr;

/**
 * Evaluates integer constant expressions with C operator semantics on exact integers that must
 * stay within 64 bits: every intermediate value must lie in [-2^63, 2^64-1] (the union of
 * {@code int64_t} and {@code uint64_t}), so {@code uint64_t} constants up to 2^64-1 work and
 * nothing ever wraps silently. There are no usual arithmetic conversions: {@code ~0u} is -1, not
 * 0xffffffff, and a constant's declared type range-checks the final value. Overflow, division by
 * zero and bad shift counts are errors at the operator.
 */
final class ConstEval {
    static final BigInteger MIN = BigInteger.ONE.shiftLeft(63).negate();
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Looks a name up; reports and returns empty when it cannot be used. */
    interface Names {
        Optional<BigInteger> value(Expr.Name name);
    }

    /** An error was reported; abandon the expression. */
    private static final class Failed extends Exception {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final Reporter reporter;
    private final Names names;

    ConstEval(Reporter reporter, Names names) {
        this.reporter = reporter;
        this.names = names;
    }

    /** The value, or empty if an error was reported. */
    Optional<BigInteger> eval(Expr e) {
        try {
            return Optional.of(value(e));
        } catch (Failed f) {
            return Optional.empty();
        }
    }

    private BigInteger value(Expr e) throws Failed {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Invalid i -> throw new Failed();
            case Expr.Name n -> {
                Optional<BigInteger> v = names.value(n);
                if (v.isEmpty()) throw new Failed();
                yield v.get();
            }
            case Expr.Unary u -> {
                BigInteger v = value(u.operand());
                yield switch (u.op()) {
                    case MINUS -> checked(v.negate(), u.pos());
                    case PLUS -> v;
                    case TILDE -> checked(v.not(), u.pos());
                    case BANG -> bool(v.signum() == 0);
                    default -> throw new IllegalStateException(u.op().toString());
                };
            }
            case Expr.Conditional c -> value(c.cond()).signum() != 0 ? value(c.then()) : value(c.otherwise());
            case Expr.Binary b -> binary(b);
        };
    }

    private BigInteger binary(Expr.Binary b) throws Failed {
        BigInteger l = value(b.left());
        // && and || do not evaluate their right side when the left decides, as in C
        switch (b.op()) {
            case ANDAND -> {
                return l.signum() == 0 ? BigInteger.ZERO : bool(value(b.right()).signum() != 0);
            }
            case OROR -> {
                return l.signum() != 0 ? BigInteger.ONE : bool(value(b.right()).signum() != 0);
            }
            default -> { }
        }
        BigInteger r = value(b.right());
        SourcePos p = b.pos();
        return switch (b.op()) {
            case STAR -> checked(l.multiply(r), p);
            case SLASH -> {
                if (r.signum() == 0) throw fail(p, "division by zero in constant expression");
                yield checked(l.divide(r), p); // BigInteger truncates toward zero, as C does
            }
            case PERCENT -> {
                if (r.signum() == 0) throw fail(p, "division by zero in constant expression (remainder)");
                yield l.remainder(r); // sign of the dividend, as in C
            }
            case PLUS -> checked(l.add(r), p);
            case MINUS -> checked(l.subtract(r), p);
            case SHL, SHR -> {
                if (r.signum() < 0) throw fail(p, "negative shift count " + r + " in constant expression");
                if (r.compareTo(BigInteger.valueOf(64)) >= 0) {
                    throw fail(p, "shift count " + r + " is too large (values have 64 bits)");
                }
                yield b.op() == org.abilayout.spec.syntax.TokenKind.SHL
                        ? checked(l.shiftLeft(r.intValue()), p) : l.shiftRight(r.intValue());
            }
            case LT -> bool(l.compareTo(r) < 0);
            case GT -> bool(l.compareTo(r) > 0);
            case LE -> bool(l.compareTo(r) <= 0);
            case GE -> bool(l.compareTo(r) >= 0);
            case EQ -> bool(l.equals(r));
            case NE -> bool(!l.equals(r));
            case AMP -> checked(l.and(r), p);
            case CARET -> checked(l.xor(r), p);
            case PIPE -> checked(l.or(r), p);
            default -> throw new IllegalStateException(b.op().toString());
        };
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }

    private BigInteger checked(BigInteger v, SourcePos pos) throws Failed {
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
            throw fail(pos, "integer overflow in constant expression: the result does not fit in 64 bits");
        }
        return v;
    }

    private Failed fail(SourcePos pos, String message) {
        reporter.error(pos, message);
        return new Failed();
    }
}
