package org.abilayout.abitests.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.Annotation;
import org.abilayout.spec.model.AnnotationArg;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.traits.MemberTraits;
import org.abilayout.spec.traits.RecordTraits;

/**
 * Builds resolved spec models directly, the way the resolver would hand them to the engine, for
 * tests that cannot wait for (or must not depend on) the text front end. Every value carries
 * {@link SourcePos#NONE}; the raw {@code @packed}/{@code @align} annotations are kept beside the
 * typed fields, as the resolver keeps them.
 */
public final class Models {
    private Models() {}

    public static Spec spec(String packageName, List<? extends Decl> decls) {
        return new Spec(packageName, new SourceFile(packageName + ".layout", ""), List.copyOf(decls));
    }

    public static Spec spec(Decl... decls) {
        return spec("abitests", Arrays.asList(decls));
    }

    // --- types ------------------------------------------------------------------------------------

    public static CType scalar(Scalar s) {
        return new CType.ScalarType(s);
    }

    public static CType pointer(CType target) {
        return new CType.PointerType(target);
    }

    /** {@code void *}. */
    public static CType voidPointer() {
        return pointer(CType.VoidType.INSTANCE);
    }

    /** A function type with unnamed parameters: {@code int (int, char *)}. */
    public static CType.FunctionType function(CType result, CType... params) {
        return new CType.FunctionType(result, Arrays.stream(params).map(p -> new CType.Param("", p)).toList(), false);
    }

    /** A pointer to {@code function(result, params)}. */
    public static CType functionPointer(CType result, CType... params) {
        return pointer(function(result, params));
    }

    /** {@code T x[d0][d1]...}: the first length is the outermost dimension, as C reads it. */
    public static CType array(CType element, long... lengths) {
        CType t = element;
        for (int i = lengths.length - 1; i >= 0; i--) t = new CType.ArrayType(t, OptionalLong.of(lengths[i]));
        return t;
    }

    /** The type of a flexible array member, {@code T x[]}. */
    public static CType flexible(CType element) {
        return new CType.ArrayType(element, OptionalLong.empty());
    }

    public static CType type(RecordDecl r) {
        return CType.RecordType.of(r);
    }

    public static CType type(EnumDecl e) {
        return CType.EnumType.of(e);
    }

    public static CType type(TypedefDecl t) {
        return CType.TypedefType.of(t);
    }

    // --- members ----------------------------------------------------------------------------------

    public static Member member(String name, CType type) {
        return member(name, type, Qualifiers.NONE, OptionalLong.empty());
    }

    public static Member member(String name, Scalar s) {
        return member(name, scalar(s));
    }

    public static Member member(String name, CType type, Qualifiers q, OptionalLong align) {
        List<Annotation> annotations = align.isPresent() ? List.of(alignAnnotation(align.getAsLong())) : List.of();
        return new Member(name, CType.qualified(type, q), align, Optional.empty(), annotations, MemberTraits.NONE, SourcePos.NONE);
    }

    /** {@code _Atomic T name}. */
    public static Member atomic(String name, CType type) {
        return member(name, type, new Qualifiers(false, false, true), OptionalLong.empty());
    }

    /** The same member with {@code @align(n)}. */
    public static Member aligned(long n, Member m) {
        return member(m.name(), m.type(), m.qualifiers(), OptionalLong.of(n));
    }

    /** A C11 anonymous struct/union member: its members are reached as the parent's. */
    public static Member anonymous(RecordDecl anonymousRecord) {
        if (!anonymousRecord.isAnonymous()) throw new IllegalArgumentException("not an anonymous record");
        return member("", type(anonymousRecord));
    }

    // --- declarations -----------------------------------------------------------------------------

    public static RecordDecl struct(String name, Member... members) {
        return record(RecordDecl.Kind.STRUCT, name, List.of(members), false, OptionalLong.empty());
    }

    public static RecordDecl union(String name, Member... members) {
        return record(RecordDecl.Kind.UNION, name, List.of(members), false, OptionalLong.empty());
    }

    public static RecordDecl record(RecordDecl.Kind kind, String name, List<Member> members, boolean packed,
            OptionalLong align) {
        List<Annotation> annotations = new ArrayList<>();
        if (packed) annotations.add(new Annotation("packed", List.of(), SourcePos.NONE));
        align.ifPresent(n -> annotations.add(alignAnnotation(n)));
        return new RecordDecl(kind, name, members, packed, align, Optional.empty(), annotations, RecordTraits.NONE,
                SourcePos.NONE);
    }

    /** The same record with {@code @packed}. */
    public static RecordDecl packed(RecordDecl r) {
        return record(r.kind(), r.name(), r.members(), true, r.align());
    }

    /** The same record with {@code @align(n)}. */
    public static RecordDecl aligned(long n, RecordDecl r) {
        return record(r.kind(), r.name(), r.members(), r.packed(), OptionalLong.of(n));
    }

    public static EnumDecl enumeration(String name, Optional<Scalar> underlying, List<EnumDecl.Enumerator> values) {
        return new EnumDecl(name, underlying, values, Optional.empty(), List.of(), SourcePos.NONE);
    }

    public static EnumDecl.Enumerator enumerator(String name, long value) {
        return new EnumDecl.Enumerator(name, value, Optional.empty(), SourcePos.NONE);
    }

    public static TypedefDecl typedef(String name, CType type, Qualifiers q) {
        return new TypedefDecl(name, CType.qualified(type, q), Optional.empty(), List.of(), SourcePos.NONE);
    }

    private static Annotation alignAnnotation(long n) {
        return new Annotation("align", List.of(new AnnotationArg.Int(n, SourcePos.NONE)), SourcePos.NONE);
    }
}
