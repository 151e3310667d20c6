package org.abilayout.codegen.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.Endian;
import org.abilayout.arch.Target;
import org.abilayout.arch.TypeInfo;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.RecordDecl;

/**
 * Pass: a record's layout on one target → the Java expression of an equivalent
 * {@code java.lang.foreign} layout: every member at the engine's offset, holes and tail as
 * explicit {@code paddingLayout}s, the target's byte order on every multi-byte value, and each
 * member's alignment as the target gives it in the struct.
 *
 * <p>FFM requires a group to be at least as aligned as each member; where C places a member
 * less aligned than its type (a {@code @packed} struct holding an ordinary one), the member's
 * layouts are capped at the alignment C gives them, recursively.
 */
final class FfmLayouts {
    private FfmLayouts() {}

    static final ClassName MEMORY_LAYOUT = ClassName.get("java.lang.foreign", "MemoryLayout");
    static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");
    static final ClassName BYTE_ORDER = ClassName.get("java.nio", "ByteOrder");

    private static final java.util.Map<ClassName, List<String>> STATIC = java.util.Map.of(
            MEMORY_LAYOUT, List.of("structLayout", "unionLayout", "sequenceLayout", "paddingLayout"),
            VALUE_LAYOUT, List.of("JAVA_BOOLEAN", "JAVA_BYTE", "JAVA_SHORT", "JAVA_INT", "JAVA_LONG", "JAVA_FLOAT", "JAVA_DOUBLE"),
            BYTE_ORDER, List.of("BIG_ENDIAN", "LITTLE_ENDIAN"));

    /**
     * The file, with static imports for the layout names it uses, so layout expressions read like
     * the layouts they build ({@code structLayout(JAVA_INT.withOrder(BIG_ENDIAN), ...)}).
     */
    static com.palantir.javapoet.JavaFile file(String pkg, com.palantir.javapoet.TypeSpec type) {
        String plain = com.palantir.javapoet.JavaFile.builder(pkg, type).build().toString();
        var b = com.palantir.javapoet.JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("    ");
        for (ClassName c : List.of(MEMORY_LAYOUT, VALUE_LAYOUT, BYTE_ORDER)) {
            String[] used = STATIC.get(c).stream().filter(n -> plain.contains(c.simpleName() + "." + n)).toArray(String[]::new);
            if (used.length > 0) b.addStaticImport(c, used);
        }
        return b.build();
    }

    /**
     * The layout of {@code layout} as a top-level record (aligned as C aligns it).
     *
     */
    static CodeBlock of(RecordLayout layout) {
        return group(layout, layout.target(), layout.align(), layout.decl().isAnonymous() ? "" : layout.decl().name());
    }

    /**
     * @param target the outermost record's target: a nested layout may name another target with
     *     the same layout environment, whose byte order or char signedness may differ
     */
    private static CodeBlock group(RecordLayout layout, Target target, long align, String name) {
        boolean union = layout.decl().kind() == RecordDecl.Kind.UNION;
        List<CodeBlock> members = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < layout.fields().size(); i++) {
            FieldLayout f = layout.fields().get(i);
            if (!union && f.offset() > end) members.add(padding(f.offset() - end));
            int index = layout.decl().members().indexOf(f.member());
            members.add(member(f, Math.min(f.align(), align), target, Leaves.layoutName(f.member(), index)));
            end = union ? Math.max(end, f.size()) : f.end();
        }
        if (layout.size() > end) members.add(union ? padding(layout.size()) : padding(layout.size() - end));
        CodeBlock.Builder b = CodeBlock.builder().add(union ? "$T.unionLayout(" : "$T.structLayout(", MEMORY_LAYOUT).indent();
        for (int i = 0; i < members.size(); i++) {
            b.add("\n$L$L", members.get(i), i + 1 < members.size() ? "," : "");
        }
        b.unindent().add(")");
        if (align > 1) b.add(".withByteAlignment($L)", align);
        if (!name.isEmpty()) b.add(".withName($S)", name);
        return b.build();
    }

    private static CodeBlock padding(long bytes) {
        return CodeBlock.of("$T.paddingLayout($L)", MEMORY_LAYOUT, bytes);
    }

    /** @param align the alignment C gives the member here */
    private static CodeBlock member(FieldLayout f, long align, Target target, String name) {
        Leaves.Unwrapped u = Leaves.Unwrapped.of(f.member().type());
        CodeBlock element;
        long elementAlign;
        if (u.element() instanceof CType.RecordType rt) {
            RecordLayout nested = f.nested().orElseThrow();
            // by value the group takes the member's alignment (raised by @align, capped by @packed);
            // as an array element, its own (capped), the sequence taking the member's below
            elementAlign = u.dims().isEmpty() ? align : Math.min(nested.align(), align);
            element = group(nested, target, elementAlign, "");
        } else {
            TypeInfo ti = LayoutEngine.typeInfo(u.element(), u.qualifiers(), target);
            elementAlign = u.dims().isEmpty() ? align : Math.min(ti.align(), align);
            element = value(u, ti, elementAlign, target);
        }
        for (int d = u.dims().size() - 1; d >= 0; d--) {
            element = CodeBlock.of("$T.sequenceLayout($L, $L)", MEMORY_LAYOUT, u.dims().get(d).orElse(0), element);
        }
        if (!u.dims().isEmpty() && align > elementAlign) element = CodeBlock.of("$L.withByteAlignment($L)", element, align);
        return CodeBlock.of("$L.withName($S)", element, name);
    }

    private static CodeBlock value(Leaves.Unwrapped u, TypeInfo ti, long align, Target target) {
        JavaScalar js = switch (u.element()) {
            case CType.ScalarType s -> JavaScalar.of(s.scalar());
            case CType.EnumType e -> JavaScalar.of(e.definition().storageScalar());
            case CType.PointerType p -> JavaScalar.pointer();
            default -> throw new IllegalArgumentException("not a value: " + u.element());
        };
        if (js == JavaScalar.RAW) {
            CodeBlock raw = CodeBlock.of("$T.sequenceLayout($L, $T.JAVA_BYTE)", MEMORY_LAYOUT, ti.size(), VALUE_LAYOUT);
            return align > 1 ? CodeBlock.of("$L.withByteAlignment($L)", raw, align) : raw;
        }
        String constant = switch (js) {
            case BOOLEAN -> "JAVA_BOOLEAN";
            case FLOAT -> "JAVA_FLOAT";
            case DOUBLE -> "JAVA_DOUBLE";
            default -> switch ((int) ti.size()) {
                case 1 -> "JAVA_BYTE";
                case 2 -> "JAVA_SHORT";
                case 4 -> "JAVA_INT";
                case 8 -> "JAVA_LONG";
                default -> throw new IllegalArgumentException(ti.size() + "-byte integer on " + target);
            };
        };
        CodeBlock.Builder b = CodeBlock.builder().add("$T." + constant, VALUE_LAYOUT);
        if (ti.size() > 1) b.add(target.endian() == Endian.BIG ? ".withOrder($T.BIG_ENDIAN)" : ".withOrder($T.LITTLE_ENDIAN)", BYTE_ORDER);
        if (align != ti.size()) b.add(".withByteAlignment($L)", align);
        return b.build();
    }
}
