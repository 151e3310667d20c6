package org.abilayout.arch;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One catalogue target: a platform named by its clang triple, with everything the layout engine
 * needs to place members exactly as that platform's C compiler does.
 *
 * @param name the clang triple ({@code x86_64-linux-gnu}); any test can pass it to {@code clang -target}
 * @param cpu the instruction set family used by {@code arch(...)} predicates ({@code x86_64},
 *     {@code i386}, {@code arm}, {@code aarch64}, {@code mips}, {@code mips64}, {@code powerpc},
 *     {@code powerpc64}, {@code riscv32}, {@code riscv64}, {@code s390x}, {@code loongarch64},
 *     {@code sparc64}, {@code m68k}); byte order is a separate predicate
 * @param os the operating system used by {@code os(...)} predicates ({@code linux}, {@code freebsd},
 *     {@code darwin}, {@code windows})
 * @param dataModel ILP32, LP64 or LLP64
 * @param endian byte order
 * @param charSigned whether plain {@code char} is signed
 * @param types size and in-struct alignment of every storage class
 * @param longDouble what {@code long double} is
 * @param recordAbi the struct layout rules (SysV/GCC or MSVC)
 * @param maxAtomicPromote {@code _Atomic} scalars no larger than this many bytes get their size
 *     rounded up to a power of two and their alignment raised to their size (clang's rule; GCC on
 *     m68k does not do this, which the catalogue records as 0)
 * @param reference the compiler whose layout is the truth for this target
 * @param scalarRecordAlignCap GCC on i386 aligns a struct or union that fits an 8-byte scalar
 *     mode (size 8) to at most this many bytes, unless the record itself has {@code @align}, even
 *     when an {@code _Atomic} member inside it is 8-aligned; 0 where there is no such cap
 * @param notes the ABI quirks worth knowing, for humans
 */
public record Target(
        String name,
        String cpu,
        String os,
        DataModel dataModel,
        Endian endian,
        boolean charSigned,
        Map<Storage, TypeInfo> types,
        LongDoubleFormat longDouble,
        RecordAbi recordAbi,
        int maxAtomicPromote,
        Reference reference,
        int scalarRecordAlignCap,
        String notes) {

    /** The compiler a target's layouts are checked against. */
    public enum Reference {
        CLANG("clang-19 -target"), GCC("GCC cross compiler");

        private final String description;

        Reference(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The cpu names {@code arch(...)} accepts. */
    public static final Set<String> CPUS = Set.of("x86_64", "i386", "arm", "aarch64", "mips", "mips64",
            "powerpc", "powerpc64", "riscv32", "riscv64", "s390x", "loongarch64", "sparc64", "m68k");

    /** The operating system names {@code os(...)} accepts. */
    public static final Set<String> OSES = Set.of("linux", "freebsd", "darwin", "windows");

    public Target {
        Objects.requireNonNull(name);
        if (!CPUS.contains(cpu)) throw new IllegalArgumentException("unknown cpu " + cpu + " for " + name);
        if (!OSES.contains(os)) throw new IllegalArgumentException("unknown os " + os + " for " + name);
        EnumMap<Storage, TypeInfo> copy = new EnumMap<>(Storage.class);
        copy.putAll(types);
        for (Storage s : Storage.values()) {
            if (!copy.containsKey(s)) throw new IllegalArgumentException(name + " lacks " + s);
        }
        types = java.util.Collections.unmodifiableMap(copy);
    }

    /** Size and in-struct alignment of a storage class. */
    public TypeInfo info(Storage storage) {
        return types.get(storage);
    }

    /** Size and in-struct alignment of a scalar type. */
    public TypeInfo info(Scalar scalar) {
        return types.get(scalar.storage());
    }

    /** Size and in-struct alignment of a data pointer. */
    public TypeInfo pointer() {
        return types.get(Storage.POINTER);
    }

    /**
     * Size and in-struct alignment of {@code _Atomic T} for a scalar or pointer of the given plain
     * info: clang rounds small atomics up to a power-of-two size and aligns them to it.
     */
    public TypeInfo atomic(TypeInfo plain) {
        if (plain.size() > 0 && plain.size() <= maxAtomicPromote) {
            long size = Long.highestOneBit(plain.size());
            if (size < plain.size()) size <<= 1;
            return new TypeInfo(size, Math.max(size, plain.align()));
        }
        return plain;
    }

    /** Pointer width in bytes (4 or 8). */
    public int pointerBytes() {
        return (int) pointer().size();
    }

    @Override
    public String toString() {
        return name;
    }
}
