package org.abilayout.codegen.c;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.abilayout.arch.PredefinedMacros;
import org.abilayout.spec.predicate.Predicate;

/**
 * Translates {@code @if} predicates into preprocessor conditions that mean the same thing on
 * every catalogue target, from the catalogue's own macro knowledge ({@link PredefinedMacros}:
 * only macros the platform compilers predefine, GCC, clang, and MSVC for the Windows targets).
 * abi-tests proves each translation with the real compilers.
 */
public final class CPredicates {
    private final Function<String, String> targetMacro;

    /**
     * @param targetMacro the identification macro of a target name, or empty if the header does
     *     not identify that target ({@code target(...)} is then false for it)
     */
    public CPredicates(Function<String, String> targetMacro) {
        this.targetMacro = targetMacro;
    }

    /** The condition for {@code p}, parenthesised where an operator needs it. */
    public String translate(Predicate p) {
        return switch (p) {
            case Predicate.IsDataModel m -> PredefinedMacros.dataModel(m.model());
            case Predicate.IsEndian e -> PredefinedMacros.endian(e.endian());
            case Predicate.ArchIn a -> any(a.cpus(), PredefinedMacros::arch);
            case Predicate.OsIn o -> any(o.oses(), PredefinedMacros::os);
            case Predicate.TargetIn t -> any(t.names(), n -> {
                String macro = targetMacro.apply(n);
                return macro.isEmpty() ? "0" : "defined(" + macro + ")";
            });
            case Predicate.Not n -> "!" + group(translate(n.operand()));
            case Predicate.And a -> a.operands().stream().map(this::translate).map(CPredicates::group)
                    .collect(Collectors.joining(" && ", "(", ")"));
            case Predicate.Or o -> o.operands().stream().map(this::translate).map(CPredicates::group)
                    .collect(Collectors.joining(" || ", "(", ")"));
        };
    }

    private static <T> String any(List<T> values, Function<T, String> each) {
        if (values.size() == 1) return each.apply(values.getFirst());
        return values.stream().map(each).collect(Collectors.joining(" || ", "(", ")"));
    }

    /** Wraps a condition in parentheses unless it already is one primary expression. */
    private static String group(String c) {
        if (c.startsWith("defined(") && c.indexOf(')') == c.length() - 1) return c;
        if (c.startsWith("(") && balancedOuter(c)) return c;
        return "(" + c + ")";
    }

    private static boolean balancedOuter(String c) {
        int depth = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0 && i != c.length() - 1) return false;
        }
        return depth == 0;
    }
}
