import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.codegen.Generators;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
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
        Layouts layouts = LayoutEngine.layoutAll(parsed, Catalogue.all());
        report(OutputFiles.write(javaOut, Generators.java(layouts, Optional.of(javaPackage), false).files()));
        report(OutputFiles.write(cOut, Generators.c(layouts)));
    }

    private static void report(List<OutputFiles.Written> written) {
        for (OutputFiles.Written w : written) System.out.println("abilayout: generated " + w.path());
    }
}
