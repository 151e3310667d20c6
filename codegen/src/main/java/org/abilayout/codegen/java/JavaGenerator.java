package org.abilayout.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.layout.FieldLayout;
import org.abilayout.codegen.GeneratedFile;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.Layouts;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SpecException;

/**
 * {@code abilayout gen java}: a spec → Java accessors over {@code java.lang.foreign} memory, one
 * class per struct or union (plus {@code Enums} and {@code Constants}), each able to read and
 * write the struct as any of the chosen targets lays it out. The pipeline is: lay out on every
 * target ({@link LayoutEngine}) → check atomic members' alignment ({@link AtomicAlignment}) →
 * find the accessible members ({@link Leaves}) → write each class ({@link RecordClassWriter},
 * {@link FfmLayouts}, {@link ConstantsWriter}). Output is deterministic: same spec, same bytes.
 */
public final class JavaGenerator {

    /**
     * @param packageName the Java package; empty: the spec's {@code package}
     * @param strict whether a warning (an atomic member misaligned on some target) fails generation
     */
    public record Options(Optional<String> packageName, boolean strict) {
        /** The spec's package, warnings allowed. */
        public static Options defaults() {
            return new Options(Optional.empty(), false);
        }

        public Options withPackage(String name) {
            return new Options(Optional.of(name), strict);
        }

        public Options withStrict(boolean value) {
            return new Options(packageName, value);
        }
    }

    /**
     * The warnings generation has for the laid-out spec: atomic members that some target aligns
     * less than their size. Under {@link Options#strict()} they are errors and {@link #generate}
     * throws.
     */
    public List<Diagnostic> check(Layouts layouts, Options options) {
        List<Diagnostic> out = new ArrayList<>();
        for (RecordDecl r : layouts.spec().records()) {
            String name = JavaNames.className(r.name());
            if (name.equals("Enums") || name.equals("Constants")) {
                out.add(Diagnostic.error(r.pos(), r.cName() + " would be generated as class " + name
                        + ", the name of the class that holds the spec's " + name.toLowerCase(java.util.Locale.ROOT)
                        + "; rename it"));
            }
            unsupportedArrays(r, out);
            duplicateNames(r, layouts.of(r), out);
            out.addAll(AtomicAlignment.check(r, layouts.of(r), options.strict()));
        }
        return out;
    }

    /**
     * The Java classes of the spec laid out in {@code layouts}, supporting exactly its targets.
     *
     * @param specFileName the spec's file name as generated javadoc should cite it ({@code umtx.layout})
     * @throws SpecException if a class cannot be generated, or under {@code strict} a warning
     */
    public List<JavaFile> generate(Layouts layouts, String specFileName, Options options) throws SpecException {
        return run(layouts, specFileName, options).classes();
    }

    /** The classes, and the warnings that did not stop generation. */
    public record Result(List<JavaFile> classes, List<Diagnostic> warnings) {}

    /** {@link #generate}, keeping the warnings for the caller to show. */
    public Result run(Layouts layouts, String specFileName, Options options) throws SpecException {
        Spec spec = layouts.spec();
        List<Diagnostic> diagnostics = check(layouts, options);
        List<Diagnostic> errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        if (!errors.isEmpty()) throw new SpecException(errors, List.of(spec.source()));
        String pkg = options.packageName().orElse(javaPackage(spec.packageName()));
        List<JavaFile> files = new ArrayList<>();
        for (RecordDecl r : spec.records()) {
            RecordClassWriter w = new RecordClassWriter(r, layouts.of(r), specFileName, pkg);
            files.add(FfmLayouts.file(pkg, w.write()));
        }
        List<EnumDecl> enums = spec.decls().stream().filter(d -> d instanceof EnumDecl).map(d -> (EnumDecl) d).toList();
        if (!enums.isEmpty()) files.add(FfmLayouts.file(pkg, ConstantsWriter.enums(ClassName.get(pkg, "Enums"), enums, specFileName)));
        List<ConstDecl> consts = spec.decls().stream().filter(d -> d instanceof ConstDecl).map(d -> (ConstDecl) d).toList();
        if (!consts.isEmpty()) files.add(FfmLayouts.file(pkg, ConstantsWriter.constants(ClassName.get(pkg, "Constants"), consts, specFileName)));
        return new Result(files, diagnostics);
    }

    /** For callers without layouts yet: lays {@code spec} out on every catalogue target once, then {@link #generate}. */
    public List<JavaFile> generate(Spec spec, String specFileName, Options options) throws SpecException {
        return generate(LayoutEngine.layoutAll(spec, Catalogue.all()), specFileName, options);
    }

    /** The classes as files in their package directories. */
    public static List<GeneratedFile> files(List<JavaFile> classes) {
        List<GeneratedFile> out = new ArrayList<>(classes.size());
        for (JavaFile f : classes) {
            String dir = f.packageName().isEmpty() ? "" : f.packageName().replace('.', '/') + "/";
            out.add(new GeneratedFile(dir + f.typeSpec().name() + ".java", f.toString()));
        }
        return out;
    }

    /** Two members whose accessors would have one name (a lifted {@code pos_x} beside a real {@code pos_x}). */
    private static void duplicateNames(RecordDecl r, List<RecordLayout> layouts, List<Diagnostic> out) {
        java.util.Map<String, Leaf> seen = new java.util.HashMap<>();
        for (Leaf leaf : Leaves.of(r, layouts)) {
            Leaf first = seen.putIfAbsent(leaf.javaName(), leaf);
            if (first != null) {
                out.add(Diagnostic.error(leaf.member().pos(), "member '" + leaf.cName() + "' of " + r.cName()
                        + " would get the Java accessor name '" + leaf.javaName() + "' that '" + first.cName()
                        + "' (" + first.member().pos() + ") already has; rename one"));
            }
        }
    }

    /** Arrays of anonymous structs and unions: their element type has no class to access it by. */
    private static void unsupportedArrays(RecordDecl r, List<Diagnostic> out) {
        for (var m : r.members()) {
            Leaves.Unwrapped u = Leaves.Unwrapped.of(m.type());
            if (u.element() instanceof org.abilayout.spec.model.CType.RecordType rt) {
                if (rt.decl().isAnonymous() && !u.dims().isEmpty()) {
                    out.add(Diagnostic.error(m.pos(), "member '" + m.name() + "' is an array of an anonymous "
                            + rt.decl().kind().keyword() + ", which Java accessors cannot reach; give the "
                            + rt.decl().kind().keyword() + " a name"));
                }
                if (rt.decl().isAnonymous()) unsupportedArrays(rt.decl(), out);
            }
        }
    }


    /** A spec package ({@code freebsd.umtx}) as a Java package: reserved words get a trailing underscore. */
    static String javaPackage(String specPackage) {
        List<String> parts = new ArrayList<>();
        for (String p : specPackage.split("\\.")) parts.add(JavaNames.identifier(p));
        return String.join(".", parts);
    }
}
