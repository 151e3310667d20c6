package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;

/**
 * Properties of the whole front end over generated input, with fixed seeds so every run checks
 * the same cases and a failure names the input that broke it.
 */
class GeneratedInputTest {

    private static final List<String> SOUP = List.of("package", "t", ";", "struct", "union", "enum", "typedef", "const",
            "int", "unsigned", "long", "char", "uint32_t", "{", "}", "(", ")", "[", "]", "*", ",", ":", "=", "@",
            "align", "packed", "if", "x", "y", "1", "0x10", "-", "+", "<<", "?", "'a'", "/*", "*/", "///", "//",
            "\n", " ", "#", "$", "\"", "_Atomic", "volatile", "sizeof", "...", "struct s {", "int x;", "};", "[]");

    /** Whatever the text, the front end returns a spec or a bounded, well-positioned SpecException. */
    @Test
    void tokenSoupEndsInASpecOrCleanDiagnostics() {
        Random r = new Random(20261127);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "package t;\n" : "");
            int n = r.nextInt(60);
            for (int k = 0; k < n; k++) sb.append(SOUP.get(r.nextInt(SOUP.size()))).append(r.nextInt(4) == 0 ? "" : " ");
            String text = sb.toString();
            try {
                SpecReader.parse(new SourceFile("p.layout", text));
            } catch (SpecException e) {
                assertTrue(e.diagnostics().size() <= Reporter.MAX_ERRORS + 1, text);
                for (Diagnostic d : e.diagnostics()) {
                    if (d.pos().line() == 0) continue;
                    assertEquals(d.pos(), new SourceFile("p.layout", text).pos(d.pos().offset()), text);
                }
                e.render();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("crash on input:\n" + text, e);
            }
        }
    }

    /** Constant expressions evaluate as C does on 64-bit integers, or fail with a diagnostic. */
    @Test
    void constantExpressionsMatchAReferenceEvaluator() {
        Random r = new Random(42);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            Node expr = node(r, 4);
            Long expected;
            try {
                expected = expr.eval();
            } catch (Overflow o) {
                continue; // the front end may still accept it: intermediates may exceed int64 up to 2^64-1
            } catch (ArithmeticException e) {
                expected = null; // division by zero or a bad shift count: must be an error
            }
            SourceFile src = new SourceFile("e.layout", "package e;\nconst int64_t X = " + expr.text() + ";\n");
            if (expected == null) {
                assertThrows(SpecException.class, () -> SpecReader.parse(src), expr.text());
                continue;
            }
            try {
                assertEquals(expected.longValue(), ((ConstDecl) SpecReader.parse(src).decl("X").orElseThrow()).value(),
                        expr.text());
                compared++;
            } catch (SpecException e) {
                throw new AssertionError(expr.text() + " should be " + expected + ":\n" + e.render());
            }
        }
        assertTrue(compared > 1000, "too few comparable expressions: " + compared);
    }

    private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "<", ">",
            "<=", ">=", "==", "!=", "&&", "||");
    private static final List<String> UNARY = List.of("-", "~", "!", "+");

    private static Node node(Random r, int depth) {
        int pick = depth == 0 ? 0 : r.nextInt(6);
        if (pick <= 1) return new Lit(r.nextInt(3) == 0 ? r.nextLong() & Long.MAX_VALUE : r.nextInt(70));
        if (pick == 2) return new Un(UNARY.get(r.nextInt(UNARY.size())), node(r, depth - 1));
        return new Bin(BINARY.get(r.nextInt(BINARY.size())), node(r, depth - 1), node(r, depth - 1));
    }

    /** A generated expression and an independent evaluator on longs with C semantics. */
    sealed interface Node permits Lit, Un, Bin {
        String text();

        long eval();
    }

    static final class Overflow extends RuntimeException {
        Overflow() {
            super(null, null, false, false);
        }
    }

    record Lit(long v) implements Node {
        public String text() {
            return Long.toString(v);
        }

        public long eval() {
            return v;
        }
    }

    record Un(String op, Node e) implements Node {
        public String text() {
            return op + "(" + e.text() + ")";
        }

        public long eval() {
            long v = e.eval();
            return switch (op) {
                case "-" -> exact(() -> Math.negateExact(v));
                case "~" -> ~v;
                case "!" -> v == 0 ? 1 : 0;
                default -> v;
            };
        }
    }

    record Bin(String op, Node l, Node r) implements Node {
        public String text() {
            return "(" + l.text() + " " + op + " " + r.text() + ")";
        }

        public long eval() {
            long a = l.eval();
            if (op.equals("&&") && a == 0) return 0;
            if (op.equals("||") && a != 0) return 1;
            long b = r.eval();
            return switch (op) {
                case "+" -> exact(() -> Math.addExact(a, b));
                case "-" -> exact(() -> Math.subtractExact(a, b));
                case "*" -> exact(() -> Math.multiplyExact(a, b));
                case "/" -> {
                    if (b == 0) throw new ArithmeticException("div");
                    yield exact(() -> Math.divideExact(a, b));
                }
                case "%" -> {
                    if (b == 0) throw new ArithmeticException("rem");
                    yield a % b;
                }
                case "<<", ">>" -> {
                    if (b < 0 || b >= 64) throw new ArithmeticException("shift");
                    BigInteger v = op.equals("<<") ? BigInteger.valueOf(a).shiftLeft((int) b)
                            : BigInteger.valueOf(a).shiftRight((int) b);
                    if (v.bitLength() > 63) throw new Overflow();
                    yield v.longValue();
                }
                case "&" -> a & b;
                case "|" -> a | b;
                case "^" -> a ^ b;
                case "<" -> a < b ? 1 : 0;
                case ">" -> a > b ? 1 : 0;
                case "<=" -> a <= b ? 1 : 0;
                case ">=" -> a >= b ? 1 : 0;
                case "==" -> a == b ? 1 : 0;
                case "!=" -> a != b ? 1 : 0;
                case "&&", "||" -> b != 0 ? 1 : 0;
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private static long exact(java.util.function.LongSupplier s) {
        try {
            return s.getAsLong();
        } catch (ArithmeticException e) {
            throw new Overflow();
        }
    }
}
