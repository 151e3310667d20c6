package org.abilayout.spec.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.resolve.NameTable.ConstName;
import org.abilayout.spec.resolve.NameTable.Def;
import org.abilayout.spec.resolve.NameTable.EnumeratorName;
import org.abilayout.spec.resolve.NameTable.Ordinary;
import org.abilayout.spec.resolve.NameTable.TypedefName;
import org.abilayout.spec.source.Suggest;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.syntax.Expr;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.DeclSpecs;

/**
 * Stage 2 of the resolver: the value of every constant and enumerator, evaluated in source
 * order (a constant may only use constants defined before it, as in C, which rules out cycles).
 * Its {@link #eval} evaluates later expressions (array sizes, annotation arguments), which may
 * use any constant of the file. Immutable once built.
 *
 * @param values name → value of every constant and enumerator that evaluated
 * @param failed names whose evaluation failed (already reported: uses fail silently)
 * @param enums each enum body's underlying type and values, in enumerator order
 * @param consts each constant's type and value
 */
record ConstantValues(Map<String, BigInteger> values, Set<String> failed, Map<Syntax.EnumNode, EnumValues> enums,
        Map<Syntax.ConstNode, ConstValue> consts, NameTable names, Reporter reporter) {

    record EnumValues(Optional<Scalar> underlying, List<BigInteger> values) {}

    record ConstValue(Scalar type, BigInteger value) {}

    ConstantValues {
        values = Collections.unmodifiableMap(values);
        failed = Collections.unmodifiableSet(failed);
        enums = Collections.unmodifiableMap(enums);
        consts = Collections.unmodifiableMap(consts);
    }

    static ConstantValues evaluate(Syntax.File file, NameTable names, Reporter reporter) {
        return new Evaluator(names, reporter).run(file);
    }

    /** Evaluates an expression that may use any constant of the file; empty after reporting. */
    Optional<BigInteger> eval(Expr e) {
        return new ConstEval(reporter, this::valueAnywhere).eval(e);
    }

    private Optional<BigInteger> valueAnywhere(Expr.Name n) {
        BigInteger v = values.get(n.name());
        if (v != null) return Optional.of(v);
        if (failed.contains(n.name())) return Optional.empty();
        return unknownConstant(n, names, reporter);
    }

    private static Optional<BigInteger> unknownConstant(Expr.Name n, NameTable names, Reporter reporter) {
        Ordinary o = names.ordinary().get(n.name());
        if (o instanceof TypedefName || Scalar.byTypedefName(n.name()).isPresent()) {
            reporter.error(n.pos(), q(n.name()) + " is a type, not a constant");
        } else {
            List<String> known = names.ordinary().entrySet().stream()
                    .filter(e -> !(e.getValue() instanceof TypedefName)).map(Map.Entry::getKey).toList();
            reporter.error(n.pos(), "unknown constant " + q(n.name()) + Suggest.didYouMean(n.name(), known));
        }
        return Optional.empty();
    }

    private static String q(String name) {
        return "'" + Names.shorten(name) + "'";
    }

    /**
     * The integer scalar named by declaration specifiers, looking through typedefs of scalars
     * (declared anywhere); empty after reporting if it is not one.
     */
    static Optional<Scalar> integerScalar(DeclSpecs specs, String what, NameTable names, Reporter reporter) {
        Syntax.TypeSpec t = specs.type();
        for (int hops = 0; hops <= names.ordinary().size() + 1; hops++) {
            switch (t) {
                case Syntax.Builtin b -> {
                    Optional<Scalar> s;
                    try {
                        s = Scalars.of(b.words());
                    } catch (Scalars.Invalid e) {
                        reporter.error(b.pos(), e.getMessage());
                        return Optional.empty();
                    }
                    if (s.isEmpty() || !s.get().isInteger()) {
                        reporter.error(b.pos(), what + " must be an integer type, not '" + String.join(" ", b.words()) + "'");
                        return Optional.empty();
                    }
                    return s;
                }
                case Syntax.Named n -> {
                    Optional<Scalar> s = Scalar.byTypedefName(n.name());
                    if (s.isPresent()) return s;
                    Optional<TypedefName> tn = names.typedef(n.name());
                    if (tn.isPresent()) {
                        if (!(tn.get().declarator() instanceof Syntax.Ident)) {
                            reporter.error(n.pos(), what + " must be an integer type; " + q(n.name()) + " is not");
                            return Optional.empty();
                        }
                        t = tn.get().node().specs().type();
                        continue;
                    }
                    reporter.error(n.pos(), names.unknownTypeMessage(n.name()));
                    return Optional.empty();
                }
                default -> {
                    reporter.error(specs.type().pos(), what + " must be an integer type");
                    return Optional.empty();
                }
            }
        }
        return Optional.empty(); // a typedef cycle: reported when types are ordered
    }

    /** The mutable work of stage 2. */
    private static final class Evaluator {
        private final NameTable names;
        private final Reporter reporter;
        private final Map<String, BigInteger> values = new LinkedHashMap<>();
        private final Set<String> failed = new HashSet<>();
        private final Map<Syntax.EnumNode, EnumValues> enums = new IdentityHashMap<>();
        private final Map<Syntax.ConstNode, ConstValue> consts = new IdentityHashMap<>();

        Evaluator(NameTable names, Reporter reporter) {
            this.names = names;
            this.reporter = reporter;
        }

        ConstantValues run(Syntax.File file) {
            ConstEval inOrder = new ConstEval(reporter, this::valueInOrder);
            for (Syntax.TopLevel top : file.decls()) {
                for (Def d : names.defsOf().get(top)) {
                    if (d.spec() instanceof Syntax.EnumDef ed) evaluateEnum(ed.node(), inOrder);
                }
                if (top instanceof Syntax.ConstNode c) evaluateConst(c, inOrder);
            }
            return new ConstantValues(values, failed, enums, consts, names, reporter);
        }

        private void evaluateEnum(Syntax.EnumNode node, ConstEval eval) {
            Optional<Scalar> underlying = Optional.empty();
            boolean typeOk = true;
            if (node.underlying().isPresent()) {
                underlying = integerScalar(node.underlying().get(), "an enum's underlying type", names, reporter);
                typeOk = underlying.isPresent();
            }
            Scalar storage = underlying.orElse(Scalar.INT);
            List<BigInteger> out = new ArrayList<>();
            Optional<BigInteger> next = Optional.of(BigInteger.ZERO);
            for (Syntax.EnumeratorNode en : node.enumerators()) {
                Optional<BigInteger> v = en.value().isPresent() ? eval.eval(en.value().get()) : next;
                if (v.isPresent() && typeOk && !Scalars.range(storage).contains(v.get())) {
                    String msg = "enumerator " + q(en.name()) + " value " + Scalars.doesNotFit(v.get(), storage);
                    if (underlying.isEmpty()) msg += "; give the enum a fixed underlying type, as in 'enum "
                            + node.tag().orElse("e") + " : int64_t { ... }'";
                    reporter.error(en.value().map(Syntax::exprStart).orElse(en.pos()), msg);
                    v = Optional.empty();
                }
                if (v.isEmpty()) {
                    failed.add(en.name());
                    next = Optional.empty();
                    out.add(BigInteger.ZERO);
                    continue;
                }
                if (names.ordinary().get(en.name()) instanceof EnumeratorName e && e.owner() == node) values.put(en.name(), v.get());
                out.add(v.get());
                next = Optional.of(v.get().add(BigInteger.ONE));
            }
            enums.put(node, new EnumValues(underlying, out));
        }

        private void evaluateConst(Syntax.ConstNode c, ConstEval eval) {
            Optional<Syntax.Ident> id = NameTable.identOf(c.declarator());
            String name = id.map(Syntax.Ident::name).orElse("");
            if (!(c.declarator() instanceof Syntax.Ident)) {
                reporter.error(c.declarator().pos(), "a constant is a plain integer: 'const T NAME = value;'");
                failed.add(name);
                return;
            }
            if (!c.specs().quals().isConst()) {
                reporter.error(c.specs().pos(), "a constant must be declared 'const', as in 'const "
                        + "int " + Names.shorten(name) + " = ...;'");
            }
            Optional<Scalar> type = integerScalar(c.specs(), "a constant's type", names, reporter);
            Optional<BigInteger> v = eval.eval(c.value());
            if (type.isPresent() && v.isPresent() && !Scalars.range(type.get()).contains(v.get())) {
                reporter.error(Syntax.exprStart(c.value()), "value " + Scalars.doesNotFit(v.get(), type.get()));
                v = Optional.empty();
            }
            if (type.isEmpty() || v.isEmpty()) {
                failed.add(name);
                return;
            }
            if (names.ordinary().get(name) instanceof ConstName cn && cn.node() == c) values.put(name, v.get());
            consts.put(c, new ConstValue(type.get(), v.get()));
        }

        /** Name lookup while constants are evaluated in order: later constants are not visible yet. */
        private Optional<BigInteger> valueInOrder(Expr.Name n) {
            BigInteger v = values.get(n.name());
            if (v != null) return Optional.of(v);
            if (failed.contains(n.name())) return Optional.empty();
            Ordinary o = names.ordinary().get(n.name());
            if (o instanceof ConstName || o instanceof EnumeratorName) {
                reporter.error(n.pos(), q(n.name()) + " is used before its definition on line " + o.pos().line()
                        + "; a constant may only use constants defined before it");
                return Optional.empty();
            }
            return unknownConstant(n, names, reporter);
        }
    }
}
