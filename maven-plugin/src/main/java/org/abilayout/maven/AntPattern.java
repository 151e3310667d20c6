package org.abilayout.maven;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An Ant-style path pattern, as Maven users write them in {@code <includes>}: {@code **} spans
 * directories (zero or more, so {@code **}{@code /*.layout} matches a spec at the top too),
 * {@code *} and {@code ?} stay within one name. Paths are relative, separated by {@code /}.
 */
record AntPattern(String pattern, Pattern regex) {

    static AntPattern of(String pattern) {
        String p = pattern.strip().replace('\\', '/');
        if (p.endsWith("/")) p = p + "**"; // Ant: a trailing slash means everything below
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (p.startsWith("**", i)) {
                re.append(".*");
                i += 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new AntPattern(pattern, Pattern.compile(re.toString()));
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    static boolean anyMatches(List<AntPattern> patterns, String relativePath) {
        return patterns.stream().anyMatch(p -> p.matches(relativePath));
    }
}
