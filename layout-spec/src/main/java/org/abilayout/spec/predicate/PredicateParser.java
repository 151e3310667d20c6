package org.abilayout.spec.predicate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Cpu;
import org.abilayout.arch.DataModel;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Os;
import org.abilayout.arch.Target;

/**
 * Parses the text of an {@code @if(...)} argument into a {@link Predicate}. Errors carry the
 * character index into the text, which the caller turns into a source position.
 */
public final class PredicateParser {

    /** A syntax or name error at {@code index} characters into the predicate text. */
    public static final class PredicateException extends Exception {
        private final int index;

        PredicateException(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    private static final int MAX_DEPTH = 64;
    private static final Map<String, Cpu> CPUS = byName(Cpu.values(), Cpu::specName);
    private static final Map<String, Os> OSES = byName(Os.values(), Os::specName);
    private final String text;
    private final Catalogue catalogue;
    private int pos;
    private int depth;

    private PredicateParser(String text, Catalogue catalogue) {
        this.text = text;
        this.catalogue = catalogue;
    }

    /** A predicate over the standard catalogue's targets. */
    public static Predicate parse(String text) throws PredicateException {
        return parse(text, Catalogue.standard());
    }

    /** A predicate whose {@code target(...)} names are those of {@code catalogue}. */
    public static Predicate parse(String text, Catalogue catalogue) throws PredicateException {
        PredicateParser p = new PredicateParser(text, catalogue);
        p.skipSpace();
        if (p.pos >= text.length()) throw new PredicateException(0, "empty predicate in @if(); write e.g. @if(ilp32)");
        Predicate result = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new PredicateException(p.pos, "unexpected '" + text.charAt(p.pos) + "' in predicate");
        }
        return result;
    }

    private Predicate or() throws PredicateException {
        List<Predicate> ops = new ArrayList<>();
        ops.add(and());
        while (accept("||")) ops.add(and());
        return ops.size() == 1 ? ops.getFirst() : new Predicate.Or(ops);
    }

    private Predicate and() throws PredicateException {
        List<Predicate> ops = new ArrayList<>();
        ops.add(unary());
        while (accept("&&")) ops.add(unary());
        return ops.size() == 1 ? ops.getFirst() : new Predicate.And(ops);
    }

    private Predicate unary() throws PredicateException {
        if (++depth > MAX_DEPTH) throw new PredicateException(pos, "predicate nested too deeply (more than " + MAX_DEPTH + " levels)");
        try {
            if (accept("!")) return new Predicate.Not(unary());
            if (accept("(")) {
                Predicate inner = or();
                expect(")");
                return inner;
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private Predicate primary() throws PredicateException {
        skipSpace();
        int start = pos;
        String name = name();
        if (name.isEmpty()) {
            throw new PredicateException(start, pos < text.length()
                    ? "expected a predicate name, found '" + text.charAt(pos) + "'" : "predicate ends too early");
        }
        switch (name) {
            case "lp64", "ilp32", "llp64" -> {
                return new Predicate.IsDataModel(DataModel.valueOf(name.toUpperCase(Locale.ROOT)));
            }
            case "big_endian" -> {
                return new Predicate.IsEndian(Endian.BIG);
            }
            case "little_endian" -> {
                return new Predicate.IsEndian(Endian.LITTLE);
            }
            case "arch" -> {
                return new Predicate.ArchIn(list(CPUS, "cpu"));
            }
            case "os" -> {
                return new Predicate.OsIn(list(OSES, "os"));
            }
            case "target" -> {
                String[] names = catalogue.targets().stream().map(Target::name).toArray(String[]::new);
                return new Predicate.TargetIn(list(byName(names, Function.identity()), "target"));
            }
            default -> throw new PredicateException(start, "unknown predicate '" + name
                    + "'; known: lp64, ilp32, llp64, big_endian, little_endian, arch(...), os(...), target(...)");
        }
    }

    private <T> List<T> list(Map<String, T> known, String what) throws PredicateException {
        expect("(");
        List<T> values = new ArrayList<>();
        do {
            skipSpace();
            int start = pos;
            String n = name();
            if (n.isEmpty()) throw new PredicateException(start, "expected a " + what + " name");
            T value = known.get(n);
            if (value == null) {
                throw new PredicateException(start, "unknown " + what + " '" + n + "'; known: "
                        + String.join(", ", new TreeSet<>(known.keySet())));
            }
            values.add(value);
        } while (accept(","));
        expect(")");
        return values;
    }

    private static <T> Map<String, T> byName(T[] values, Function<T, String> name) {
        Map<String, T> m = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> m.put(name.apply(v), v));
        return m;
    }

    private String name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') pos++;
            else break;
        }
        return text.substring(start, pos);
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) throws PredicateException {
        if (!accept(token)) {
            throw new PredicateException(pos, "expected '" + token + "'"
                    + (pos < text.length() ? " but found '" + text.charAt(pos) + "'" : " but the predicate ends"));
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
