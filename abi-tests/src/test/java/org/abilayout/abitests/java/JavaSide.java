package org.abilayout.abitests.java;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.spec.model.CType;

/**
 * The Java side of a cross-language test: reaches every {@link Plan} slot through the generated
 * accessors of one target (slices for nested structs, then the scalar's getter or setter).
 */
final class JavaSide {
    private final Compiled code;
    private final Target target;
    private final boolean host;
    private final Map<String, Object> accessors = new HashMap<>();

    /** @param host whether to use {@code forHost()} rather than {@code forTarget(target)} */
    JavaSide(Compiled code, Target target, boolean host) {
        this.code = code;
        this.target = target;
        this.host = host;
    }

    Object accessor(String cls) throws Exception {
        Object a = accessors.get(cls);
        if (a == null) {
            a = host ? Compiled.call(code.type(cls), null, "forHost") : code.accessor(cls, target.name());
            accessors.put(cls, a);
        }
        return a;
    }

    long byteSize(String cls) throws Exception {
        return (long) Compiled.call(code.type(cls), accessor(cls), "byteSize");
    }

    /** Every slot whose value read from {@code file} differs from the plan, as "label: got X, want Y". */
    List<String> check(MemorySegment file, List<Plan.Instance> plan) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Plan.Instance in : plan) {
            MemorySegment s = file.asSlice((long) in.index() * Plan.SLOT, Plan.SLOT);
            for (Plan.Slot slot : in.slots()) {
                if (slot.raw()) continue; // long double: checked by the C side after Java copies it
                Object got = get(s, slot);
                Object want = expected(slot);
                if (!Objects.equals(got, want)) wrong.add(slot.label() + ": got " + got + ", want " + want);
            }
        }
        return wrong;
    }

    /** Writes every slot into {@code file}; {@code long double}s are copied raw from {@code source}. */
    void write(MemorySegment file, MemorySegment source, List<Plan.Instance> plan) throws Exception {
        for (Plan.Instance in : plan) {
            MemorySegment s = file.asSlice((long) in.index() * Plan.SLOT, Plan.SLOT);
            MemorySegment from = source.asSlice((long) in.index() * Plan.SLOT, Plan.SLOT);
            for (Plan.Slot slot : in.slots()) {
                if (slot.raw()) {
                    MemorySegment src = (MemorySegment) get(from, slot);
                    MemorySegment.copy(src, 0, (MemorySegment) get(s, slot), 0, src.byteSize());
                } else {
                    set(s, slot, expected(slot));
                }
            }
        }
    }

    private Object get(MemorySegment s, Plan.Slot slot) throws Exception {
        MemorySegment seg = reach(s, slot);
        Plan.Step last = slot.steps().getLast();
        return Compiled.call(code.type(last.className()), accessor(last.className()), last.method(), args(seg, last, null));
    }

    private void set(MemorySegment s, Plan.Slot slot, Object value) throws Exception {
        MemorySegment seg = reach(s, slot);
        Plan.Step last = slot.steps().getLast();
        Compiled.call(code.type(last.className()), accessor(last.className()), last.method(), args(seg, last, value));
    }

    private MemorySegment reach(MemorySegment s, Plan.Slot slot) throws Exception {
        MemorySegment seg = s;
        for (Plan.Step step : slot.steps().subList(0, slot.steps().size() - 1)) {
            seg = (MemorySegment) Compiled.call(code.type(step.className()), accessor(step.className()), step.method(), args(seg, step, null));
        }
        return seg;
    }

    private static Object[] args(MemorySegment seg, Plan.Step step, Object value) {
        List<Object> a = new ArrayList<>();
        a.add(seg);
        a.addAll(step.indices());
        if (value != null) a.add(value);
        return a.toArray();
    }

    /** The Java value of a slot as the accessors return it (see Access: same bits, widened per C signedness). */
    Object expected(Plan.Slot slot) {
        long bits = slot.bits();
        if (slot.type() instanceof CType.PointerType) return target.pointerBytes() == 8 ? bits : bits & 0xffff_ffffL;
        Scalar sc = slot.type() instanceof CType.EnumType e ? e.definition().storageScalar() : ((CType.ScalarType) slot.type()).scalar();
        long size = CProgram.size(sc, slot.qualifiers(), target);
        return switch (sc) {
            case BOOL -> true;
            case FLOAT -> CProgram.floatValue(slot);
            case DOUBLE -> CProgram.doubleValue(slot);
            case CHAR, SCHAR, UCHAR, INT8, UINT8 -> (byte) bits;
            case SHORT, USHORT, INT16, UINT16 -> (short) bits;
            case INT, UINT, INT32, UINT32 -> (int) bits;
            case WCHAR -> size == 4 ? (int) bits : (int) (bits & 0xffff);
            case LONG_DOUBLE -> throw new AssertionError("raw");
            default -> size == 8 ? bits : sc.kind() == Scalar.Kind.SIGNED ? (long) (int) bits : bits & 0xffff_ffffL;
        };
    }
}
