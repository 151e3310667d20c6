package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;

/** Properties of the whole front end over generated input. */
class FrontEndPropertiesTest {

    /** Whatever the text, the front end returns a spec or a bounded, well-positioned SpecException. */
    @Property(tries = 300)
    void anyTextEndsInASpecOrCleanDiagnostics(@ForAll("specLikeText") String text) {
        try {
            SpecReader.parse(new SourceFile("p.layout", text));
        } catch (SpecException e) {
            assertTrue(e.diagnostics().size() <= Reporter.MAX_ERRORS + 1);
            for (Diagnostic d : e.diagnostics()) {
                if (d.pos().line() == 0) continue;
                assertTrue(d.pos().column() >= 1 && d.pos().offset() <= text.length(), d.toString());
                assertEquals(d.pos(), new SourceFile("p.layout", text).pos(d.pos().offset()), d.toString());
            }
            e.render();
        }
    }

    @Provide
    Arbitrary<String> specLikeText() {
        Arbitrary<String> tokens = Arbitraries.of("package", "t", ";", "struct", "union", "enum", "typedef", "const",
                "int", "unsigned", "long", "char", "uint32_t", "{", "}", "(", ")", "[", "]", "*", ",", ":", "=", "@",
                "align", "packed", "if", "x", "y", "1", "0x10", "-", "+", "<<", "?", "'a'", "/*", "*/", "///", "//",
                "\n", " ", "#", "$", "\"", "_Atomic", "volatile", "sizeof", "...");
        return tokens.list().ofMaxSize(60).map(l -> String.join(" ", l));
    }

    /** Constant expressions evaluate as C does on 64-bit integers, or fail with a diagnostic. */
    @Property(tries = 500)
    void constantExpressionsMatchAReferenceEvaluator(@ForAll("expressions") Node expr) {
        Long expected;
        try {
            expected = expr.eval();
        } catch (Overflow o) {
            Assume.that(false); // the front end may still accept it: intermediates may exceed int64 up to 2^64-1
            return;
        } catch (ArithmeticException e) {
            expected = null; // division by zero or a bad shift count: must be an error
        }
        SourceFile src = new SourceFile("e.layout", "package e;\nconst int64_t X = " + expr.text() + ";\n");
        if (expected == null) {
            assertThrows(SpecException.class, () -> SpecReader.parse(src));
        } else {
            try {
                assertEquals(expected.longValue(), ((ConstDecl) SpecReader.parse(src).decl("X").orElseThrow()).value());
            } catch (SpecException e) {
                throw new AssertionError(expr.text() + " should be " + expected + ":\n" + e.render());
            }
        }
    }

    /** A generated expression and an independent evaluator on longs with C semantics. */
    sealed interface Node permits Lit, Un, Bin {
        String text();

        long eval();
    }

    static final class Overflow extends RuntimeException {}

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
                    BigInteger v = op.equals("<<") ? BigInteger.valueOf(a).shiftLeft((int) b) : BigInteger.valueOf(a).shiftRight((int) b);
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

    @Provide
    Arbitrary<Node> expressions() {
        return node(4);
    }

    private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "<", ">",
            "<=", ">=", "==", "!=", "&&", "||");

    private Arbitrary<Node> node(int depth) {
        Arbitrary<Node> lit = Arbitraries.oneOf(Arbitraries.longs().between(0, 70),
                Arbitraries.longs().between(0, Long.MAX_VALUE)).map(Lit::new);
        if (depth == 0) return lit;
        Arbitrary<Node> un = Arbitraries.of("-", "~", "!", "+").flatMap(op -> node(depth - 1).map(e -> new Un(op, e)));
        Arbitrary<Node> bin = Arbitraries.of(BINARY).flatMap(op -> node(depth - 1).flatMap(l -> node(depth - 1).map(r -> new Bin(op, l, r))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, lit), net.jqwik.api.Tuple.of(1, un), net.jqwik.api.Tuple.of(3, bin));
    }
}
