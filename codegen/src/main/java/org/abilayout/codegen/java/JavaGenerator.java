package org.abilayout.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.LayoutEngine;
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
     * @param targets the targets the classes support, in the order their layouts appear
     * @param strict whether a warning (an atomic member misaligned on some target) fails generation
     */
    public record Options(Optional<String> packageName, List<Target> targets, boolean strict) {
        public Options {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) throw new IllegalArgumentException("no targets");
        }

        /** The spec's package, every catalogue target, warnings allowed. */
        public static Options defaults() {
            return new Options(Optional.empty(), Catalogue.all(), false);
        }

        public Options withPackage(String name) {
            return new Options(Optional.of(name), targets, strict);
        }

        public Options withTargets(List<Target> list) {
            return new Options(packageName, list, strict);
        }

        public Options withStrict(boolean value) {
            return new Options(packageName, targets, value);
        }
    }

    /**
     * The warnings generation has for {@code spec}: atomic members that some target aligns less
     * than their size. Under {@link Options#strict()} they are errors and {@link #generate} throws.
     */
    public List<Diagnostic> check(Spec spec, Options options) throws SpecException {
        List<SpecLayout> layouts = LayoutEngine.layoutAll(spec, options.targets());
        List<Diagnostic> out = new ArrayList<>();
        for (RecordDecl r : spec.records()) {
            String name = JavaNames.className(r.name());
            if (name.equals("Enums") || name.equals("Constants")) {
                out.add(Diagnostic.error(r.pos(), r.cName() + " would be generated as class " + name
                        + ", the name of the class that holds the spec's " + name.toLowerCase(java.util.Locale.ROOT)
                        + "; rename it"));
            }
            unsupportedArrays(r, out);
            duplicateNames(r, layoutsOf(r, layouts), out);
            out.addAll(AtomicAlignment.check(r, layoutsOf(r, layouts), options.strict()));
        }
        return out;
    }

    /**
     * The Java files for {@code spec}.
     *
     * @param specFileName the spec's file name as generated javadoc should cite it ({@code umtx.layout})
     * @throws SpecException if the spec cannot be laid out on a target, or under {@code strict} a warning
     */
    public List<JavaFile> generate(Spec spec, String specFileName, Options options) throws SpecException {
        List<Diagnostic> diagnostics = check(spec, options);
        List<Diagnostic> errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        if (!errors.isEmpty()) throw new SpecException(errors, List.of(spec.source()));
        String pkg = options.packageName().orElse(javaPackage(spec.packageName()));
        List<SpecLayout> layouts = LayoutEngine.layoutAll(spec, options.targets());
        Map<Target, Map<RecordDecl, RecordLayout>> byTarget = new IdentityHashMap<>();
        for (SpecLayout sl : layouts) {
            Map<RecordDecl, RecordLayout> records = new IdentityHashMap<>();
            sl.records().forEach(r -> collect(r, records));
            byTarget.put(sl.target(), records);
        }
        Function<Target, Function<RecordDecl, RecordLayout>> records = t -> d -> {
            RecordLayout l = byTarget.get(t).get(d);
            if (l == null) throw new IllegalArgumentException("arrays of anonymous " + d.kind().keyword() + "s are not supported by the Java generator");
            return l;
        };
        List<JavaFile> files = new ArrayList<>();
        for (RecordDecl r : spec.records()) {
            RecordClassWriter w = new RecordClassWriter(r, layoutsOf(r, layouts), specFileName, pkg, records);
            files.add(FfmLayouts.file(pkg, w.write()));
        }
        List<EnumDecl> enums = spec.decls().stream().filter(d -> d instanceof EnumDecl).map(d -> (EnumDecl) d).toList();
        if (!enums.isEmpty()) files.add(FfmLayouts.file(pkg, ConstantsWriter.enums(ClassName.get(pkg, "Enums"), enums, specFileName)));
        List<ConstDecl> consts = spec.decls().stream().filter(d -> d instanceof ConstDecl).map(d -> (ConstDecl) d).toList();
        if (!consts.isEmpty()) files.add(FfmLayouts.file(pkg, ConstantsWriter.constants(ClassName.get(pkg, "Constants"), consts, specFileName)));
        return files;
    }

    /**
     * Writes {@code files} under {@code outDir} in the usual package directories, all or nothing
     * as far as the file system allows: every file is first written in full next to its
     * destination under a temporary name, and only when all are written are they moved into
     * place (atomically where supported), so a failure leaves no partial output behind.
     *
     * @return the paths written, in order
     */
    public List<Path> write(List<JavaFile> files, Path outDir) throws IOException {
        List<Path> targets = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (JavaFile f : files) {
                Path dir = outDir;
                for (String part : f.packageName().split("\\.")) if (!part.isEmpty()) dir = dir.resolve(part);
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + f.typeSpec().name(), ".tmp");
                temps.add(tmp);
                Files.writeString(tmp, f.toString(), StandardCharsets.UTF_8);
                targets.add(dir.resolve(f.typeSpec().name() + ".java"));
            }
            for (int i = 0; i < targets.size(); i++) {
                try {
                    Files.move(temps.get(i), targets.get(i), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temps.get(i), targets.get(i), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return targets;
        } finally {
            for (Path tmp : temps) Files.deleteIfExists(tmp);
        }
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
            Leaves.Unwrapped u = Leaves.Unwrapped.of(m.type(), m.qualifiers());
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

    private static List<RecordLayout> layoutsOf(RecordDecl r, List<SpecLayout> layouts) {
        return layouts.stream().map(sl -> sl.records().stream().filter(l -> l.decl() == r).findFirst().orElseThrow()).toList();
    }

    private static void collect(RecordLayout layout, Map<RecordDecl, RecordLayout> into) {
        if (into.putIfAbsent(layout.decl(), layout) != null) return;
        for (FieldLayout f : layout.fields()) f.nested().ifPresent(n -> collect(n, into));
    }

    /** A spec package ({@code freebsd.umtx}) as a Java package: reserved words get a trailing underscore. */
    static String javaPackage(String specPackage) {
        List<String> parts = new ArrayList<>();
        for (String p : specPackage.split("\\.")) parts.add(JavaNames.identifier(p));
        return String.join(".", parts);
    }
}
