package org.abilayout.maven;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.apache.maven.plugin.MojoExecutionException;

/** The {@code <targets>} parameter: catalogue names, or {@code all} (the default) for every target. */
final class TargetNames {
    private TargetNames() {}

    static List<Target> resolve(List<String> names) throws MojoExecutionException {
        if (names == null || names.isEmpty()) return Catalogue.all();
        Set<Target> out = new LinkedHashSet<>();
        for (String raw : names) {
            // a comma-separated -Dabilayout.targets=a,b arrives as one element per name already;
            // in a POM someone may still write <target>a, b</target>
            for (String name : raw.split(",")) {
                String n = name.strip();
                if (n.isEmpty()) continue;
                if (n.equals("all")) {
                    out.addAll(Catalogue.all());
                } else {
                    out.add(Catalogue.byName(n).orElseThrow(() -> new MojoExecutionException(
                            "unknown target '" + n + "' in <targets>; known targets: "
                                    + String.join(", ", Catalogue.all().stream().map(Target::name).toList())
                                    + " (or 'all')")));
                }
            }
        }
        return out.isEmpty() ? Catalogue.all() : List.copyOf(out);
    }
}
