package org.abilayout.spec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarations of a spec in an order C accepts: source order, except that a declaration a
 * struct, union or typedef uses by value (or a typedef name it points through) comes before it.
 * The spec language allows any order; a C header needs this one.
 */
public final class DeclOrder {
    private DeclOrder() {}

    public static List<Decl> of(Spec spec) {
        // tags and ordinary names are separate name spaces in C (`typedef struct foo foo;`)
        Map<String, Decl> byName = new LinkedHashMap<>();
        for (Decl d : spec.decls()) byName.putIfAbsent(key(d), d);
        List<Decl> out = new ArrayList<>(spec.decls().size());
        Set<Decl> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Decl d : spec.decls()) place(d, byName, placed, out);
        return out;
    }

    private static String key(Decl d) {
        return switch (d) {
            case RecordDecl r -> "struct " + r.name();
            case EnumDecl e -> "enum " + e.name();
            case TypedefDecl t -> t.name();
            case ConstDecl c -> c.name();
        };
    }

    private static void place(Decl d, Map<String, Decl> byName, Set<Decl> placed, List<Decl> out) {
        if (!placed.add(d)) return;
        // the resolver guarantees no cycle by value and bounds the depth, so this recursion ends
        for (Decl dep : dependencies(d, byName)) place(dep, byName, placed, out);
        out.add(d);
    }

    private static List<Decl> dependencies(Decl d, Map<String, Decl> byName) {
        List<Decl> deps = new ArrayList<>();
        switch (d) {
            case RecordDecl r -> members(r, byName, deps);
            // `typedef struct n n_t;` is valid before struct n is defined (and idiomatic): only an
            // array of a record needs the record complete
            case TypedefDecl t -> {
                if (!(t.type() instanceof CType.RecordType r && !r.ref().isAnonymous())) type(t.type(), true, byName, deps);
            }
            case EnumDecl e -> { }
            case ConstDecl c -> { }
        }
        return deps;
    }

    private static void members(RecordDecl r, Map<String, Decl> byName, List<Decl> deps) {
        for (Member m : r.members()) type(m.type(), true, byName, deps);
    }

    /**
     * The declarations {@code t} needs before it: by value, its records, enums and typedefs;
     * behind a pointer, only its typedef names and enums (a struct tag may be used before its
     * definition).
     */
    private static void type(CType t, boolean byValue, Map<String, Decl> byName, List<Decl> deps) {
        switch (t) {
            case CType.RecordType r -> {
                if (r.ref().isAnonymous()) members(r.decl(), byName, deps);
                else if (byValue) add(byName.get("struct " + r.ref().tag()), deps);
            }
            case CType.EnumType e -> add(byName.get("enum " + e.tag()), deps);
            case CType.TypedefType td -> add(byName.get(td.decl().name()), deps);
            case CType.ArrayType a -> type(a.element(), byValue, byName, deps);
            case CType.QualifiedType q -> type(q.type(), byValue, byName, deps);
            case CType.PointerType p -> type(p.target(), false, byName, deps);
            case CType.FunctionType f -> {
                type(f.result(), false, byName, deps);
                for (CType.Param p : f.params()) type(p.type(), false, byName, deps);
            }
            case CType.ScalarType s -> { }
            case CType.VoidType v -> { }
        }
    }

    private static void add(Decl d, List<Decl> deps) {
        if (d != null) deps.add(d);
    }
}
