package org.abilayout.spec.source;

import java.util.Collection;
import java.util.Optional;

/**
 * "did you mean ...?" for misspelled names: the closest candidate within edit distance 2 that
 * differs in at most a third of its characters (ties go to the alphabetically first).
 */
public final class Suggest {
    private Suggest() {}

    public static Optional<String> closest(String name, Collection<String> candidates) {
        // hostile input may hold megabyte-long names: never run the quadratic distance on those
        if (name.length() > 64) return Optional.empty();
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            if (c.equals(name) || Math.abs(c.length() - name.length()) > 2) continue;
            int d = distance(name, c);
            // at most a third of the longer name may differ: "foo_t" does not resemble "float"
            if (d * 3 > Math.max(name.length(), c.length())) continue;
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The message suffix {@code "; did you mean 'x'?"}, or empty. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance (insert, delete, substitute); also what the CLI suggests target names by. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
