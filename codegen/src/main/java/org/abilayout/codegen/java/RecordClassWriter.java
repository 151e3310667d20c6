package org.abilayout.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.cdecl.DeclaratorWriter;

/**
 * Pass: one struct or union and its layouts → its Java class. An instance of the class is bound
 * to one target ({@code forHost()}, {@code forTarget(name)}) and holds that target's offsets,
 * sizes and byte order in final fields; its methods read and write the struct in any
 * {@code MemorySegment} through {@code org.abilayout.runtime.Access}. Targets whose layouts are byte-for-byte alike share one layout method.
 */
final class RecordClassWriter {
    static final String RUNTIME = "org.abilayout.runtime";
    static final ClassName PATHS = ClassName.get(RUNTIME, "MemberPaths");
    static final ClassName ACCESS = ClassName.get(RUNTIME, "Access");
    static final ClassName BYTE_ORDER = ClassName.get("java.nio", "ByteOrder");
    static final ClassName GUARDS = ClassName.get(RUNTIME, "Guards");
    static final ClassName HOST_TARGET = ClassName.get(RUNTIME, "HostTarget");
    static final ClassName SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    static final TypeName STRING_LIST = ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

    private final RecordDecl decl;
    private final List<RecordLayout> layouts;
    private final List<Target> targets;
    private final String specFileName;
    private final ClassName self;
    private final List<Leaf> leaves;
    private final Optional<Leaf> versionField;
    /** {@code StructLayout} or {@code UnionLayout}. */
    private final ClassName layoutType;

    RecordClassWriter(RecordDecl decl, List<RecordLayout> layouts, String specFileName, String packageName) {
        this.decl = decl;
        this.layouts = layouts;
        this.targets = layouts.stream().map(RecordLayout::target).toList();
        this.specFileName = specFileName;
        this.self = ClassName.get(packageName, JavaNames.className(decl.name()));
        this.leaves = Leaves.of(decl, layouts);
        this.versionField = leaves.stream()
                .filter(l -> l.member().traits().versionField() && l.layoutPath().size() == 1 && l.shape() == Leaf.Shape.SCALAR
                        && !l.isArray() && l.scalar().access() != null && l.scalar() != JavaScalar.BOOLEAN
                        && l.scalar() != JavaScalar.FLOAT && l.scalar() != JavaScalar.DOUBLE)
                .findFirst();
        this.layoutType = ClassName.get("java.lang.foreign", decl.kind() == RecordDecl.Kind.UNION ? "UnionLayout" : "StructLayout");
    }

    ClassName className() {
        return self;
    }

    /** {@code Host}, unless the record's own class is called that ({@code struct host}). */
    private String hostClassName() {
        return self.simpleName().equals("Host") ? "OnHost" : "Host";
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        type.addJavadoc("$L", classDoc());
        type.addField(FieldSpec.builder(TypeName.INT, "CURRENT_VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The layout version this class was generated from ({@code @version($L)}).", decl.traits().version())
                .initializer("$L", decl.traits().version()).build());
        type.addField(FieldSpec.builder(STRING_LIST, "TARGETS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The targets this class was generated for, in catalogue order.")
                .initializer("$T.of($L)", List.class, CodeBlock.join(targets.stream().map(t -> CodeBlock.of("$S", t.name())).toList(), ", "))
                .build());
        type.addField(FieldSpec.builder(String.class, "target", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(layoutType, "layout", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(TypeName.BOOLEAN, "bigEndian", Modifier.PRIVATE, Modifier.FINAL).build());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "target").addParameter(layoutType, "layout").addParameter(BYTE_ORDER, "order")
                .addStatement("this.target = target").addStatement("this.layout = layout")
                .addStatement("this.bigEndian = order == $T.BIG_ENDIAN", BYTE_ORDER);
        for (Leaf leaf : leaves) addHandleFields(type, ctor, leaf);
        type.addMethod(ctor.build());

        List<LayoutGroup> groups = layoutGroups();
        addFactories(type, groups);
        type.addMethod(MethodSpec.methodBuilder("target").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The target this accessor reads and writes the layout of.").addStatement("return target").build());
        type.addMethod(MethodSpec.methodBuilder("layout").addModifiers(Modifier.PUBLIC).returns(layoutType)
                .addJavadoc("This target's layout of {@code $L}: allocate with {@code arena.allocate(layout())}.", decl.cName())
                .addStatement("return layout").build());
        type.addMethod(MethodSpec.methodBuilder("byteSize").addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                .addJavadoc("{@code sizeof($L)} on this target.", decl.cName()).addStatement("return layout.byteSize()").build());
        versionField.ifPresent(vf -> addVersionMethods(type, vf));
        for (Leaf leaf : leaves) addAccessors(type, leaf);
        addLayoutMethods(type, groups);
        TypeSpec outer = type.build();
        return outer.toBuilder().addType(host(outer)).build();
    }

    /**
     * The host's accessors as static methods over {@code static final} copies of the host
     * accessor's state: the same methods, text for text, but the JIT sees every offset, size and
     * the byte order as constants, so the host path pays nothing for target selection.
     */
    private TypeSpec host(TypeSpec outer) {
        TypeSpec.Builder host = TypeSpec.classBuilder(hostClassName()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L", "The accessors of {@code " + decl.cName() + "} for the platform this JVM runs on, as static methods\n"
                        + "whose offsets, sizes and byte order are constants to the JIT: the fast path for the host's own data.\n\n"
                        + "<p>Initialising this class on a platform not in {@link #TARGETS} fails with an\n"
                        + "{@code ExceptionInInitializerError} caused by {@link org.abilayout.runtime.UnsupportedTargetException};\n"
                        + "{@link #forHost()} reports the same without initialising it.")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addField(FieldSpec.builder(self, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
                        .initializer("forTarget($T.requireOneOf(TARGETS, $S).name())", HOST_TARGET, decl.cName()).build());
        for (FieldSpec f : outer.fieldSpecs()) {
            if (f.modifiers().contains(Modifier.STATIC)) continue;
            host.addField(FieldSpec.builder(f.type(), f.name(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("INSTANCE.$N", f.name()).build());
        }
        for (MethodSpec m : outer.methodSpecs()) {
            if (m.isConstructor() || m.modifiers().contains(Modifier.STATIC) || !m.modifiers().contains(Modifier.PUBLIC)) continue;
            host.addMethod(m.toBuilder().addModifiers(Modifier.STATIC).build());
        }
        return host.build();
    }

    // --- class javadoc ---------------------------------------------------------------------------

    private String classDoc() {
        StringBuilder doc = new StringBuilder();
        doc.append("{@code ").append(decl.cName()).append("}, from ").append(Javadocs.origin(specFileName, decl.pos())).append(".\n");
        decl.doc().ifPresent(d -> doc.append("\n<p>").append(Javadocs.text(d)).append("\n"));
        Map<String, String> sizes = new LinkedHashMap<>();
        for (RecordLayout l : layouts) sizes.put(l.target().name(), l.size() + " bytes, aligned to " + l.align());
        doc.append("\n<p>Size: ").append(Javadocs.perTarget(sizes, targets, s -> s)).append(".\n");
        doc.append("\n<p>Get an accessor with {@link #forHost()} or {@link #forTarget(String)} and keep it; its methods\n")
                .append("take the segment holding the struct. Generated by abilayout from ").append(specFileName)
                .append("; do not edit.\n");
        return doc.toString();
    }

    // --- per-target state --------------------------------------------------------------------------

    private void addHandleFields(TypeSpec.Builder type, MethodSpec.Builder ctor, Leaf leaf) {
        String n = leaf.javaName();
        CodeBlock path = CodeBlock.join(leaf.layoutPath().stream().map(p -> CodeBlock.of("$S", p)).toList(), ", ");
        type.addField(FieldSpec.builder(TypeName.LONG, n + "$offset", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(TypeName.LONG, n + "$size", Modifier.PRIVATE, Modifier.FINAL).build());
        ctor.addStatement("this.$L = $T.offset(layout, $L)", n + "$offset", PATHS, path);
        ctor.addStatement("this.$L = $T.elementSize(layout, $L, $L)", n + "$size", PATHS, leaf.dims().size(), path);
    }

    /** Targets whose FFM layouts are the same expression, which one {@code layoutN()} method serves. */
    private record LayoutGroup(List<Target> targets, CodeBlock expression) {}

    /** Targets grouped by identical layout expression, in catalogue order. */
    private List<LayoutGroup> layoutGroups() {
        Map<String, LayoutGroup> groups = new LinkedHashMap<>();
        for (RecordLayout l : layouts) {
            CodeBlock expr = FfmLayouts.of(l);
            groups.computeIfAbsent(expr.toString(), k -> new LayoutGroup(new ArrayList<>(), expr)).targets().add(l.target());
        }
        return List.copyOf(groups.values());
    }

    private void addFactories(TypeSpec.Builder type, List<LayoutGroup> groups) {
        String what = decl.cName();
        type.addMethod(MethodSpec.methodBuilder("forHost").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("The accessor for the platform this JVM runs on (one shared instance); {@link " + hostClassName() + "} has the\n"
                        + "same methods as static ones over constants.\n\n"
                        + "@throws org.abilayout.runtime.UnsupportedTargetException if this platform is not one of {@link #TARGETS}")
                .addStatement("$T.requireOneOf(TARGETS, $S)", HOST_TARGET, what)
                .addStatement("return $L.INSTANCE", hostClassName()).build());
        CodeBlock.Builder cases = CodeBlock.builder().add("return switch (target) {\n").indent();
        for (int i = 0; i < groups.size(); i++) {
            List<Target> group = groups.get(i).targets();
            CodeBlock names = CodeBlock.join(group.stream().map(t -> CodeBlock.of("$S", t.name())).toList(), ", ");
            cases.add(group.getFirst().endian() == org.abilayout.arch.Endian.BIG
                    ? "case $L -> new $T(target, layout$L(), $T.BIG_ENDIAN);\n"
                    : "case $L -> new $T(target, layout$L(), $T.LITTLE_ENDIAN);\n", names, self, i, BYTE_ORDER);
        }
        cases.add("default -> throw $T.notGenerated(target, $S, TARGETS);\n", GUARDS, what).unindent().add("};\n");
        type.addMethod(MethodSpec.methodBuilder("forTarget").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addParameter(String.class, "target")
                .addJavadoc("The accessor for a catalogue target by name ({@code \"s390x-linux-gnu\"}), to read or write\n"
                        + "the bytes that target's C code shares.\n\n"
                        + "@throws org.abilayout.runtime.UnsupportedTargetException if the class was not generated for it")
                .addCode(cases.build()).build());
    }

    private void addLayoutMethods(TypeSpec.Builder type, List<LayoutGroup> groups) {
        for (int i = 0; i < groups.size(); i++) {
            List<Target> group = groups.get(i).targets();
            type.addMethod(MethodSpec.methodBuilder("layout" + i).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(layoutType)
                    .addJavadoc("$L: $L.", group(group), byteOrder(group))
                    .addStatement("return $L", groups.get(i).expression()).build());
        }
    }

    private String group(List<Target> group) {
        return Javadocs.describe(group, targets);
    }

    private static String byteOrder(List<Target> group) {
        return group.getFirst().endian() == org.abilayout.arch.Endian.BIG ? "big-endian" : "little-endian";
    }

    // --- accessors -------------------------------------------------------------------------------

    private boolean absentSomewhere(Leaf leaf) {
        return leaf.placements().size() < targets.size();
    }

    /** The expression of the member's offset, checking it exists on the target. */
    private CodeBlock offset(Leaf leaf) {
        if (!absentSomewhere(leaf)) return CodeBlock.of("$L$$offset", leaf.javaName());
        return CodeBlock.of("$T.present($L$$offset, $S, $S, target, $S)", GUARDS, leaf.javaName(), decl.cName(), leaf.cName(),
                leaf.condition().orElse("?"));
    }

    /** The offset of element {@code index...} of an array member. */
    private CodeBlock elementOffset(Leaf leaf) {
        CodeBlock off = offset(leaf);
        int n = leaf.dims().size();
        for (int d = 0; d < n; d++) {
            long inner = 1;
            for (int k = d + 1; k < n; k++) inner *= leaf.dims().get(k).orElse(0);
            CodeBlock stride = inner == 1 ? CodeBlock.of("$L$$size", leaf.javaName()) : CodeBlock.of("$L$$size * $L", leaf.javaName(), inner);
            String index = indexName(leaf, d);
            OptionalLong len = leaf.dims().get(d);
            off = len.isPresent()
                    ? CodeBlock.of("$T.element($L, $L, $L, $L)", GUARDS, off, index, len.getAsLong(), stride)
                    : CodeBlock.of("$T.flexibleElement($L, $L, $L)", GUARDS, off, index, stride);
        }
        return off;
    }

    private static String indexName(Leaf leaf, int d) {
        return leaf.dims().size() == 1 ? "index" : "i" + d;
    }

    private static MethodSpec.Builder method(String name) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).addParameter(SEGMENT, "segment");
    }

    private void addIndexes(MethodSpec.Builder m, Leaf leaf) {
        for (int d = 0; d < leaf.dims().size(); d++) m.addParameter(TypeName.LONG, indexName(leaf, d));
    }

    private void versionCheck(MethodSpec.Builder m, Leaf leaf) {
        if (versionField.isPresent() && leaf.since() > 1 && leaf != versionField.get()) {
            m.addStatement("$T.since(version(segment), $L, $S, $S)", GUARDS, leaf.since(), decl.cName(), leaf.cName());
        }
    }

    private void addAccessors(TypeSpec.Builder type, Leaf leaf) {
        String n = leaf.javaName();
        String doc = leafDoc(leaf);
        if (leaf.isArray()) {
            CodeBlock whole = leaf.isFlexible()
                    ? CodeBlock.of("return segment.asSlice($L)", offset(leaf))
                    : CodeBlock.of("return segment.asSlice($L, $L$$size * $L)", offset(leaf), n, count(leaf));
            MethodSpec.Builder m = method(n).returns(SEGMENT).addJavadoc("$L\n<p>The whole array, as a slice of {@code segment}.", doc);
            versionCheck(m, leaf);
            type.addMethod(m.addStatement(whole).build());
        }
        if (leaf.shape() == Leaf.Shape.SLICE) {
            MethodSpec.Builder get = method(n).returns(SEGMENT);
            addIndexes(get, leaf);
            versionCheck(get, leaf);
            CodeBlock off = leaf.isArray() ? elementOffset(leaf) : offset(leaf);
            type.addMethod(get.addJavadoc("$L\n<p>$L, as a slice of {@code segment}.", doc, leaf.isArray() ? "One element" : "Its bytes")
                    .addStatement("return segment.asSlice($L, $L$$size)", off, n).build());
            if (!leaf.isArray()) {
                MethodSpec.Builder set = method(n).addParameter(SEGMENT, "value");
                versionCheck(set, leaf);
                type.addMethod(set.addJavadoc("$L\n<p>Copies {@code value}'s first bytes over it.", doc)
                        .addStatement("$T.copy(value, 0, segment, $L, $L$$size)", SEGMENT, off, n).build());
            }
            return;
        }
        TypeName t = leaf.scalar().type();
        CodeBlock off = leaf.isArray() ? elementOffset(leaf) : offset(leaf);
        MethodSpec.Builder get = method(n).returns(t);
        addIndexes(get, leaf);
        versionCheck(get, leaf);
        String a = leaf.scalar().access();
        type.addMethod(get.addJavadoc("$L", doc).addStatement("return $T.get$L(segment, $L, $L$$size, bigEndian)", ACCESS, a, off, n).build());
        MethodSpec.Builder set = method(n);
        addIndexes(set, leaf);
        set.addParameter(t, "value");
        versionCheck(set, leaf);
        type.addMethod(set.addJavadoc("$L", doc).addStatement("$T.set$L(segment, $L, $L$$size, bigEndian, value)", ACCESS, a, off, n).build());
        if (leaf.isAtomic()) addAtomics(type, leaf, t, doc);
    }

    private void addAtomics(TypeSpec.Builder type, Leaf leaf, TypeName t, String doc) {
        String n = leaf.javaName();
        CodeBlock at = CodeBlock.of("$T.aligned(segment, $L, $L$$size, $S, $S, target)", GUARDS, offset(leaf), n, decl.cName(), leaf.cName());
        String atomicDoc = doc + "\n<p>Atomic: the address must be a multiple of the member's size, else\n"
                + "{@link org.abilayout.runtime.MisalignedAtomicException}.";
        MethodSpec.Builder m = method(n + "_getVolatile").returns(t);
        versionCheck(m, leaf);
        String a = leaf.scalar().access();
        type.addMethod(m.addJavadoc("$L", atomicDoc).addStatement("return $T.getVolatile$L(segment, $L, $L$$size, bigEndian)", ACCESS, a, at, n).build());
        m = method(n + "_setRelease").addParameter(t, "value");
        versionCheck(m, leaf);
        type.addMethod(m.addJavadoc("$L", atomicDoc).addStatement("$T.setRelease$L(segment, $L, $L$$size, bigEndian, value)", ACCESS, a, at, n).build());
        if (!leaf.scalar().hasAtomicUpdates()) return;
        m = method(n + "_compareAndSet").returns(TypeName.BOOLEAN).addParameter(t, "expected").addParameter(t, "value");
        versionCheck(m, leaf);
        type.addMethod(m.addJavadoc("$L", atomicDoc)
                .addStatement("return $T.compareAndSet$L(segment, $L, $L$$size, bigEndian, expected, value)", ACCESS, a, at, n).build());
        m = method(n + "_getAndAdd").returns(t).addParameter(t, "delta");
        versionCheck(m, leaf);
        type.addMethod(m.addJavadoc("$L", atomicDoc).addStatement("return $T.getAndAdd$L(segment, $L, $L$$size, bigEndian, delta)", ACCESS, a, at, n).build());
    }

    private static long count(Leaf leaf) {
        long c = 1;
        for (OptionalLong d : leaf.dims()) c *= d.orElse(0);
        return c;
    }

    private void addVersionMethods(TypeSpec.Builder type, Leaf vf) {
        boolean unsigned = vf.element() instanceof CType.ScalarType s && s.scalar().kind() == Scalar.Kind.UNSIGNED
                || vf.element() instanceof CType.EnumType e && e.definition().storageScalar().kind() == Scalar.Kind.UNSIGNED;
        CodeBlock read = CodeBlock.of("$L(segment)", vf.javaName());
        CodeBlock widened = switch (vf.scalar()) {
            case BYTE -> unsigned ? CodeBlock.of("$T.toUnsignedLong($L)", Byte.class, read) : read;
            case SHORT -> unsigned ? CodeBlock.of("$T.toUnsignedLong($L)", Short.class, read) : read;
            case INT -> unsigned ? CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, read) : read;
            default -> read;
        };
        type.addMethod(MethodSpec.methodBuilder("version").addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
                .addParameter(SEGMENT, "segment")
                .addJavadoc("The layout version of the instance in {@code segment}, from its version field {@code $L}.", vf.cName())
                .addStatement("return $L", widened).build());
        type.addMethod(MethodSpec.methodBuilder("isKnownVersion").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                .addParameter(SEGMENT, "segment")
                .addJavadoc("Whether this class knows the instance's version: 1 to {@link #CURRENT_VERSION}. A newer\n"
                        + "instance was written by newer code; members this class knows keep their offsets, the rest is\n"
                        + "unknown to it.")
                .addStatement("long v = version(segment)")
                .addStatement("return v >= 1 && v <= CURRENT_VERSION").build());
    }

    private String leafDoc(Leaf leaf) {
        StringBuilder doc = new StringBuilder();
        String declaration = DeclaratorWriter.spec(leaf.member().type(), leaf.cName());
        doc.append("{@code ").append(Javadocs.text(declaration)).append("}, from ")
                .append(Javadocs.origin(specFileName, leaf.member().pos())).append(".\n");
        leaf.member().doc().ifPresent(d -> doc.append("\n<p>").append(Javadocs.text(d)).append("\n"));
        doc.append("\n<p>Offset: ").append(Javadocs.perTarget(leaf.placements(), targets,
                p -> p.offset() + " (" + p.size() + " bytes)")).append(".\n");
        leaf.condition().ifPresent(c -> doc.append("\n<p>Only where {@code @if(").append(Javadocs.text(c))
                .append(")} holds; elsewhere accessors throw {@link org.abilayout.runtime.AbsentMemberException}.\n"));
        if (leaf.since() > 1) {
            doc.append("\n<p>Since layout version ").append(leaf.since()).append(versionField.isPresent()
                    ? "; accessing it in an older instance throws {@link org.abilayout.runtime.VersionMismatchException}.\n"
                    : " (the struct has no {@code @version_field}, so instances are not checked).\n");
        }
        if (leaf.member().traits().reserved()) doc.append("\n<p>Reserved: kept zero, ignored by readers.\n");
        if (leaf.scalar() == JavaScalar.UNSIGNED_LONG || isUnsigned(leaf)) {
            doc.append("\n<p>Unsigned in C: the Java value holds the same bits.\n");
        }
        return doc.toString();
    }

    private static boolean isUnsigned(Leaf leaf) {
        CType e = leaf.element();
        return e instanceof CType.ScalarType s && s.scalar().kind() == Scalar.Kind.UNSIGNED;
    }
}
