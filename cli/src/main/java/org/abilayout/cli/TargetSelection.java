package org.abilayout.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.source.Suggest;

/** Turns {@code --target} values into catalogue targets, or says which names are close. */
final class TargetSelection {
    static final String ALL = "all";
    private static final int MAX_SUGGESTIONS = 5;

    private TargetSelection() {}

    /**
     * The targets named, in the order given, each once; {@code all} (or no name at all) stands
     * for the whole catalogue in catalogue order.
     */
    static List<Target> select(List<String> names) throws BadInputException {
        if (names.isEmpty()) return Catalogue.all();
        Set<Target> out = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.equals(ALL)) {
                out.addAll(Catalogue.all());
            } else if (name.isEmpty()) {
                throw new BadInputException("empty target name in --target; run 'abilayout targets' for the list");
            } else {
                out.add(Catalogue.byName(name).orElseThrow(() -> new BadInputException(unknown(name))));
            }
        }
        return List.copyOf(out);
    }

    private static String unknown(String name) {
        List<String> close = closeNames(name);
        String hint = close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
        return "unknown target '" + name + "'" + hint
                + "\nrun 'abilayout targets' for the list of targets, or use --target all";
    }

    /**
     * Catalogue names the user may have meant: those containing what was typed (so {@code x86_64}
     * lists the x86_64 targets), then those within a few typing mistakes ({@code x86-64-linux-gnu},
     * {@code arm64-apple-darwin}), nearest first.
     */
    static List<String> closeNames(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Target target : Catalogue.all()) {
            if (target.name().contains(t)) out.add(target.name());
        }
        int limit = Math.max(2, t.length() / 4);
        Catalogue.all().stream()
                .map(Target::name)
                .filter(n -> !out.contains(n))
                .filter(n -> Suggest.distance(t, n) <= limit)
                .sorted(Comparator.comparingInt(n -> Suggest.distance(t, n)))
                .forEachOrdered(out::add);
        return out.size() > MAX_SUGGESTIONS ? List.copyOf(out.subList(0, MAX_SUGGESTIONS)) : List.copyOf(out);
    }
}
