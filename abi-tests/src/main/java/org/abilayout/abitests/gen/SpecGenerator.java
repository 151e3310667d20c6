package org.abilayout.abitests.gen;

import static org.abilayout.abitests.model.Models.array;
import static org.abilayout.abitests.model.Models.enumerator;
import static org.abilayout.abitests.model.Models.flexible;
import static org.abilayout.abitests.model.Models.pointer;
import static org.abilayout.abitests.model.Models.scalar;
import static org.abilayout.abitests.model.Models.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.abilayout.abitests.model.Models;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.Qualifiers;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;

/**
 * Random, valid specs for the differential test: structs and unions over every {@link Scalar},
 * data and function pointers, arrays of one to three dimensions, earlier records nested by value,
 * C11 anonymous struct/union members, named members of anonymous record type, flexible array
 * members (last member of a top-level struct only; such structs are never nested), {@code @packed},
 * {@code @align(N)} on records and members, {@code _Atomic}/{@code volatile}/{@code const}, enums
 * with fixed and plain underlying types, and typedefs of all of these.
 *
 * <p>Deterministic: the same seed gives the same specs, in the same order. The model is built
 * directly (no parser involved), so it is the engine alone that the compilers judge.
 */
public final class SpecGenerator {
    /** The arguments {@code @align(N)} is drawn from. */
    static final long[] ALIGNS = {1, 2, 4, 8, 16, 32};

    private static final CType VOID = CType.VoidType.INSTANCE;
    private static final CType[] POINTEES = {VOID, scalar(Scalar.CHAR),
            CType.qualified(scalar(Scalar.CHAR), new Qualifiers(true, false, false)), scalar(Scalar.INT),
            scalar(Scalar.ULONG), pointer(VOID)};
    private static final CType.FunctionType[] SIGNATURES = {Models.function(VOID), Models.function(scalar(Scalar.INT),
            scalar(Scalar.INT)), Models.function(VOID, pointer(VOID), scalar(Scalar.SIZE)),
            Models.function(scalar(Scalar.DOUBLE), scalar(Scalar.DOUBLE), scalar(Scalar.INT)),
            Models.function(pointer(scalar(Scalar.CHAR)), pointer(CType.qualified(scalar(Scalar.CHAR),
                    new Qualifiers(true, false, false))))};
    private static final Scalar[] SCALARS = Scalar.values();
    private static final Scalar[] ENUM_BASES = java.util.Arrays.stream(SCALARS)
            .filter(s -> s.isInteger() && s != Scalar.BOOL).toArray(Scalar[]::new);

    private final SplittableRandom rnd;

    // state of the spec being generated
    private final List<Decl> decls = new ArrayList<>();
    private final List<RecordDecl> nestable = new ArrayList<>();
    private final List<RecordDecl> named = new ArrayList<>();
    private final List<EnumDecl> enums = new ArrayList<>();
    private final List<TypedefDecl> typedefs = new ArrayList<>();
    private int memberNo;

    public SpecGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /**
     * A spec with {@code records} named top-level structs/unions (plus the enums and typedefs
     * they use), named {@code s0..}, {@code e0..}, {@code t0..}.
     */
    public Spec generate(String packageName, int records) {
        decls.clear();
        nestable.clear();
        named.clear();
        enums.clear();
        typedefs.clear();
        addEnum(true);
        addEnum(false);
        addTypedef();
        for (int i = 0; i < records; i++) {
            if (chance(6)) addEnum(rnd.nextBoolean());
            if (chance(15)) addTypedef();
            RecordDecl r = namedRecord("s" + i);
            decls.add(r);
            named.add(r);
            if (!hasFlexibleMember(r)) nestable.add(r);
        }
        return Models.spec(packageName, decls);
    }

    // --- records --------------------------------------------------------------------------------

    private RecordDecl namedRecord(String name) {
        memberNo = 0;
        RecordDecl.Kind kind = chance(20) ? RecordDecl.Kind.UNION : RecordDecl.Kind.STRUCT;
        List<Member> members = members(0);
        if (kind == RecordDecl.Kind.STRUCT && chance(12)) {
            // C wants a named member before a flexible array member
            if (members.stream().allMatch(Member::isAnonymous)) members.add(scalarMember());
            members.add(withExtras(nextName(), flexible(famElement()), false));
        }
        return Models.record(kind, name, members, chance(12), chance(10) ? OptionalLong.of(pick(ALIGNS))
                : OptionalLong.empty());
    }

    private List<Member> members(int depth) {
        int n = 1 + rnd.nextInt(depth == 0 ? 8 : 4);
        List<Member> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(member(depth));
        return out;
    }

    private Member member(int depth) {
        int r = rnd.nextInt(100);
        if (r < 80 || depth >= 2) return withExtras(nextName(), plainType(r), true);
        RecordDecl anon = Models.record(chance(50) ? RecordDecl.Kind.UNION : RecordDecl.Kind.STRUCT, "",
                members(depth + 1), chance(10), OptionalLong.empty());
        if (r < 90) {
            // @align on an anonymous member is member alignment (C: `_Alignas(N) struct { ... };`);
            // GCC refuses an _Alignas below the record's own alignment, so N is at least that on every target
            if (chance(15)) {
                long natural = Catalogue.all().stream()
                        .mapToLong(t -> LayoutEngine.typeInfo(type(anon), Qualifiers.NONE, t).align()).max().orElse(1);
                long[] allowed = java.util.Arrays.stream(ALIGNS).filter(n -> n >= natural).toArray();
                if (allowed.length > 0) {
                    return Models.member("", type(anon), Qualifiers.NONE, OptionalLong.of(pick(allowed)));
                }
            }
            return Models.anonymous(anon);
        }
        // a named member of anonymous record type: struct { ... } f3; (sometimes an array of them)
        CType t = chance(30) ? array(type(anon), 1 + rnd.nextInt(3)) : type(anon);
        return withExtras(nextName(), t, true);
    }

    /** A member type that is not an anonymous record; {@code r} (0..99) spreads the choices. */
    private CType plainType(int r) {
        r = r % 80;
        if (r < 38) return scalar(pick(SCALARS));
        if (r < 45) return dataPointer();
        if (r < 49) return pointer(pick(SIGNATURES));
        if (r < 55) return type(pick(enums));
        if (r < 62) return type(pick(typedefs));
        if (r < 70 && !nestable.isEmpty()) return type(pick(nestable));
        return array(element(), dims());
    }

    private Member scalarMember() {
        return withExtras(nextName(), scalar(pick(SCALARS)), true);
    }

    /** Qualifiers and {@code @align} at random, where C allows them. */
    private Member withExtras(String name, CType t, boolean mayAlign) {
        boolean atomic = atomicAllowed(t) && chance(12);
        Qualifiers q = new Qualifiers(chance(6), chance(10), atomic);
        OptionalLong align = mayAlign && chance(8) ? OptionalLong.of(pick(ALIGNS)) : OptionalLong.empty();
        if (!mayAlign && chance(4)) align = OptionalLong.of(pick(ALIGNS));
        return Models.member(name, t, q, align);
    }

    /** An array element: anything but an anonymous record or an array typedef. */
    private CType element() {
        int r = rnd.nextInt(100);
        if (r < 50) return scalar(pick(SCALARS));
        if (r < 60) return dataPointer();
        if (r < 65) return pointer(pick(SIGNATURES));
        if (r < 72) return type(pick(enums));
        if (r < 80) return type(pick(typedefs));
        if (!nestable.isEmpty()) return type(pick(nestable));
        return scalar(pick(SCALARS));
    }

    private CType famElement() {
        return chance(15) ? array(element(), 1 + rnd.nextInt(3)) : element();
    }

    private long[] dims() {
        long[] d = new long[1 + (chance(70) ? 0 : chance(60) ? 1 : 2)];
        for (int i = 0; i < d.length; i++) d[i] = 1 + rnd.nextInt(4);
        return d;
    }

    private CType dataPointer() {
        if (chance(15) && !named.isEmpty()) {
            RecordDecl r = pick(named);
            return pointer(type(r));
        }
        return pointer(pick(POINTEES));
    }

    // --- enums and typedefs -----------------------------------------------------------------------

    private void addEnum(boolean fixed) {
        int idx = enums.size();
        Optional<Scalar> base = fixed ? Optional.of(pick(ENUM_BASES)) : Optional.empty();
        boolean negatives = base.map(s -> s.kind() == Scalar.Kind.SIGNED).orElse(true);
        long max = fixed ? 100 : 100_000;
        int n = 1 + rnd.nextInt(4);
        List<EnumDecl.Enumerator> values = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long v = negatives && chance(25) ? -1 - rnd.nextLong(max / 2) : rnd.nextLong(max + 1);
            values.add(enumerator("E" + idx + "_" + k, v));
        }
        EnumDecl e = Models.enumeration("e" + idx, base, values);
        enums.add(e);
        decls.add(e);
    }

    private void addTypedef() {
        String name = "t" + typedefs.size();
        int r = rnd.nextInt(100);
        CType t;
        Qualifiers q = Qualifiers.NONE;
        if (r < 35) {
            t = scalar(pick(SCALARS));
            q = new Qualifiers(chance(5), chance(15), chance(10));
        } else if (r < 50) {
            t = dataPointer();
            q = new Qualifiers(false, chance(15), chance(10));
        } else if (r < 58) {
            t = pointer(pick(SIGNATURES));
        } else if (r < 70) {
            t = type(pick(enums));
        } else if (r < 85 && !nestable.isEmpty()) {
            t = type(pick(nestable));
        } else if (r < 95 || typedefs.isEmpty()) {
            t = array(scalar(pick(SCALARS)), chance(70) ? new long[] {1 + rnd.nextInt(4)}
                    : new long[] {1 + rnd.nextInt(3), 1 + rnd.nextInt(3)});
        } else {
            t = type(pick(typedefs));
        }
        TypedefDecl td = Models.typedef(name, t, q);
        typedefs.add(td);
        decls.add(td);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /**
     * {@code _Atomic} applies to scalars, enums and pointers (and arrays of them, element-wise);
     * never to records or through a typedef of an array.
     */
    static boolean atomicAllowed(CType t) {
        CType e = t;
        while (e instanceof CType.ArrayType a) e = a.element();
        return switch (e.unwrap()) {
            case CType.ScalarType s -> true;
            case CType.PointerType p -> true;
            case CType.EnumType en -> true;
            default -> false;
        };
    }

    static boolean hasFlexibleMember(RecordDecl r) {
        return !r.members().isEmpty() && r.members().getLast().type() instanceof CType.ArrayType a && a.isFlexible();
    }

    private String nextName() {
        return "f" + memberNo++;
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[rnd.nextInt(array.length)];
    }

    private long pick(long[] array) {
        return array[rnd.nextInt(array.length)];
    }
}
