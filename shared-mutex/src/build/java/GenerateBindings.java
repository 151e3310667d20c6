import java.nio.file.Path;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.codegen.Generators;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;

/**
 * Build step (generate-sources, run by exec-maven-plugin with the JDK's source launcher): the Java
 * accessors and the C header of shared_mutex.layout, through the project's own generators, for
 * every catalogue target.
 *
 * <p>Usage: {@code java -cp CLASSPATH GenerateBindings.java SPEC JAVA_OUT C_OUT JAVA_PACKAGE}
 */
public final class GenerateBindings {
    public static void main(String[] args) throws Exception {
        Path spec = Path.of(args[0]);
        Path javaOut = Path.of(args[1]);
        Path cOut = Path.of(args[2]);
        String javaPackage = args[3];
        Spec parsed;
        try {
            parsed = SpecReader.read(spec);
        } catch (SpecException e) {
            System.err.print(e.render());
            System.exit(2);
            return;
        }
        var targets = Catalogue.all();
        Generators.java(parsed, Optional.of(javaPackage), targets, javaOut).forEach(GenerateBindings::report);
        Generators.c(parsed, targets, cOut).forEach(GenerateBindings::report);
    }

    private static void report(Path written) {
        System.out.println("abilayout: generated " + written);
    }
}
