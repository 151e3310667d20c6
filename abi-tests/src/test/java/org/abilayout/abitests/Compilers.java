package org.abilayout.abitests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.abilayout.abitests.cc.Compiler;
import org.abilayout.abitests.cc.Differential;
import org.abilayout.abitests.cc.ValueProbe;
import org.abilayout.abitests.render.DeclarationWriter;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.Spec;

/** What the edge-case tests ask of real compilers. */
final class Compilers {
    private Compilers() {}

    static Target target(String name) {
        return Catalogue.byName(name).orElseThrow(() -> new AssertionError("no catalogue target " + name));
    }

    static List<Target> targets(String... names) {
        return java.util.Arrays.stream(names).map(Compilers::target).toList();
    }

    static Path work(String test) {
        return Path.of("target", "abi-quirks", test);
    }

    /** Every size, alignment and offset the engine computes for {@code spec} is what each target's reference compiler says. */
    static void assertEngineAgrees(String test, Spec spec, List<Target> targets) {
        Differential.Report r = Differential.run(List.of(spec), targets, work(test), Differential.defaultJobs());
        assertTrue(r.clean(), () -> test + ": the engine disagrees with the compiler\n" + r.summary(40));
        assertTrue(r.checks() > 0, "nothing was checked");
    }

    /** As {@link #assertEngineAgrees}, against the given compiler per target instead of the catalogue's reference. */
    static void assertEngineAgreesWith(String test, Spec spec, List<Target> targets,
            java.util.function.Function<Target, Compiler> compilerFor) {
        Differential.Report r = Differential.run(List.of(spec), targets, compilerFor, work(test), Differential.defaultJobs());
        assertTrue(r.clean(), () -> test + ": the engine disagrees with the compiler\n" + r.summary(40));
        assertTrue(r.checks() > 0, "nothing was checked");
    }

    /** The reference compiler's value of a C constant expression on one target, after the spec's declarations. */
    static long ask(String test, Spec spec, Target t, String expr) {
        return ask(test, spec, t, Compiler.reference(t), expr);
    }

    static long ask(String test, Spec spec, Target t, Compiler cc, String expr) {
        return askAll(test, spec, t, cc, List.of(expr)).getFirst();
    }

    static List<Long> askAll(String test, Spec spec, Target t, Compiler cc, List<String> exprs) {
        String c = new DeclarationWriter(cc.dialect()).write(spec);
        return ValueProbe.values(cc, t, c, exprs, work(test).resolve("probe").resolve(t.name() + "." + cc + ".c"));
    }

    /** The reference compiler's values of several expressions on one target, from one compile. */
    static Map<String, Long> answers(String test, Spec spec, Target t, String... exprs) {
        List<Long> v = askAll(test, spec, t, Compiler.reference(t), List.of(exprs));
        Map<String, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < exprs.length; i++) out.put(exprs[i], v.get(i));
        return out;
    }
}
