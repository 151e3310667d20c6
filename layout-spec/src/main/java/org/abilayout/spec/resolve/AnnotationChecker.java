package org.abilayout.spec.resolve;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.resolve.NameTable.Where;
import org.abilayout.spec.source.Suggest;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.syntax.Expr;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.traits.TraitResolver;

/**
 * Converts the annotations written on a declaration into model {@link Annotation}s, evaluating
 * their arguments, and checks the layout annotations ({@code @align}, {@code @packed},
 * {@code @if}'s presence) and where each may stand. The versioning annotations are given their
 * meaning by {@link TraitResolver} when members and records are built. Each list is checked
 * once, however many declarators share it.
 */
final class AnnotationChecker {
    /** Every annotation the language knows; the versioning ones are kept raw for {@link TraitResolver}. */
    static final List<String> KNOWN_ANNOTATIONS = List.of("align", "packed", "version", "since", "reserved",
            "if", "offset", "size", "pad_to", "version_field", "extensible", "accept");

    private static final long MAX_ALIGN = 1L << 28;

    /** The annotations of one declaration, converted and checked, with the typed values they set. */
    record Checked(List<Annotation> all, boolean packed, OptionalLong align) {
        static final Checked NONE = new Checked(List.of(), false, OptionalLong.empty());

        List<Annotation> only(String... names) {
            Set<String> keep = Set.of(names);
            return all.stream().filter(a -> keep.contains(a.name())).toList();
        }
    }

    private final NameTable names;
    private final ConstantValues values;
    private final Reporter reporter;
    private final TraitResolver traits;
    private final Map<List<Syntax.Annotation>, Checked> cache = new IdentityHashMap<>();

    AnnotationChecker(NameTable names, ConstantValues values, TraitResolver traits, Reporter reporter) {
        this.names = names;
        this.values = values;
        this.traits = traits;
        this.reporter = reporter;
    }

    Checked check(List<Syntax.Annotation> list, Where where) {
        if (list.isEmpty()) return Checked.NONE;
        Checked cached = cache.get(list);
        if (cached != null) return cached;
        List<Annotation> out = new ArrayList<>();
        boolean packed = false;
        OptionalLong align = OptionalLong.empty();
        for (Syntax.Annotation a : list) {
            if (!KNOWN_ANNOTATIONS.contains(a.name())) {
                reporter.error(a.pos(), "unknown annotation '@" + Names.shorten(a.name()) + "'"
                        + Suggest.didYouMean(a.name(), KNOWN_ANNOTATIONS) + "; known annotations: @"
                        + String.join(", @", KNOWN_ANNOTATIONS));
                continue;
            }
            List<AnnotationArg> args = new ArrayList<>();
            for (Syntax.Arg arg : a.args()) convertArg(arg).ifPresent(args::add);
            out.add(new Annotation(a.name(), args, a.pos()));
            switch (a.name()) {
                case "align" -> {
                    if (!(where == Where.RECORD || where == Where.TYPEDEF_INLINE || where == Where.MEMBER
                            || where == Where.MEMBER_INLINE)) {
                        reporter.error(a.pos(), "@align applies to a struct, a union or a member");
                    } else if (a.args().size() != 1) {
                        reporter.error(a.pos(), "@align takes one power of two, as in @align(8)");
                    } else if (args.size() == 1 && args.getFirst() instanceof AnnotationArg.Int n) {
                        if (n.value() < 1 || n.value() > MAX_ALIGN || Long.bitCount(n.value()) != 1) {
                            reporter.error(n.pos(), "@align needs a power of two between 1 and " + MAX_ALIGN + ", not " + n.value());
                        } else if (align.isPresent()) {
                            reporter.error(a.pos(), "duplicate @align");
                        } else {
                            align = OptionalLong.of(n.value());
                        }
                    } else if (args.size() == 1) {
                        reporter.error(args.getFirst().pos(), "@align takes an integer constant, as in @align(8)");
                    }
                }
                case "packed" -> {
                    if (!(where == Where.RECORD || where == Where.TYPEDEF_INLINE || where == Where.MEMBER_INLINE)) {
                        reporter.error(a.pos(), "@packed applies to a struct or union definition");
                    } else if (!a.args().isEmpty()) {
                        reporter.error(a.pos(), "@packed takes no arguments");
                    } else {
                        packed = true;
                    }
                }
                case "if" -> {
                    boolean empty = a.args().isEmpty()
                            || a.args().getFirst() instanceof Syntax.TextArg t && t.text().isBlank();
                    if (empty) reporter.error(a.pos(), "@if needs a predicate, as in @if(lp64)");
                }
                default -> { } // versioning annotations: kept raw, checked by TraitResolver
            }
        }
        switch (where) {
            case ENUM -> traits.other(out, "an enum");
            case TYPEDEF -> traits.other(out, "a typedef");
            case CONST -> traits.other(out, "a constant");
            case FORWARD -> traits.other(out, "a declaration");
            default -> { } // records and members: TraitResolver reads them when the model is built
        }
        Checked c = new Checked(List.copyOf(out), packed, align);
        cache.put(list, c);
        return c;
    }

    private Optional<AnnotationArg> convertArg(Syntax.Arg arg) {
        return switch (arg) {
            case Syntax.ExprArg e when e.expr() instanceof Expr.Name n && !names.isConstantName(n.name()) ->
                    Optional.of(new AnnotationArg.Name(n.name(), n.pos()));
            case Syntax.ExprArg e -> values.eval(e.expr()).map(v -> new AnnotationArg.Int(v.longValue(), e.pos()));
            case Syntax.DashedName d -> {
                // "N-1" is arithmetic when N is a constant; "x86_64-linux-gnu" is a name
                Optional<Expr> arithmetic = d.asExpr().filter(e -> firstName(e).filter(names::isConstantName).isPresent());
                if (arithmetic.isPresent()) {
                    yield values.eval(arithmetic.get()).map(v -> new AnnotationArg.Int(v.longValue(), d.pos()));
                }
                yield Optional.of(new AnnotationArg.Name(d.text(), d.pos()));
            }
            case Syntax.KeyedArg k -> convertArg(k.value()).map(v -> new AnnotationArg.Keyed(k.key(), v, k.pos()));
            case Syntax.TextArg t -> Optional.of(new AnnotationArg.Text(t.text(), t.pos()));
            case Syntax.StringArg t -> Optional.of(new AnnotationArg.Str(t.value(), t.pos()));
        };
    }

    private static Optional<String> firstName(Expr e) {
        Expr cur = e;
        while (cur instanceof Expr.Binary b) cur = b.left();
        return cur instanceof Expr.Name n ? Optional.of(n.name()) : Optional.empty();
    }
}
