package org.abilayout.arch;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One catalogue target: a platform named by its clang triple, with everything the layout engine
 * needs to place members exactly as that platform's C compiler does.
 *
 * @param name the clang triple ({@code x86_64-linux-gnu}); any test can pass it to {@code clang -target}
 * @param cpu the instruction set family, which {@code arch(...)} predicates test; byte order is
 *     a separate predicate
 * @param os the operating system, which {@code os(...)} predicates test
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
 * @param macroCondition the preprocessor condition, over the macros the platform's compilers
 *     predefine, that holds exactly when compiling for this target (see {@link PredefinedMacros})
 * @param hostNames what the JVM's {@code os.name} and {@code os.arch} call this platform
 * @param gcc the platform's GCC as Debian packages it, where the test suite has one; required
 *     when GCC is the reference
 * @param notes the ABI quirks worth knowing, for humans
 */
public record Target(
        String name,
        Cpu cpu,
        Os os,
        DataModel dataModel,
        Endian endian,
        boolean charSigned,
        Map<Storage, TypeInfo> types,
        LongDoubleFormat longDouble,
        RecordAbi recordAbi,
        int maxAtomicPromote,
        Reference reference,
        int scalarRecordAlignCap,
        String macroCondition,
        HostNames hostNames,
        Optional<GccToolchain> gcc,
        String notes) {

    /** The compiler a target's layouts are checked against. */
    public enum Reference {
        /** clang-19 {@code -target NAME}: the name of every target is a clang triple. */
        CLANG("clang-19 -target"),
        /** The platform's GCC ({@link Target#gcc()}), where it is the platform compiler and clang-19 disagrees with it. */
        GCC("GCC cross compiler");

        /** The clang every {@link #CLANG} target is checked with. */
        public static final DebianTool CLANG_19 = new DebianTool("clang-19", "clang-19");

        private final String description;

        Reference(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public Target {
        Objects.requireNonNull(name);
        Objects.requireNonNull(cpu, name);
        Objects.requireNonNull(os, name);
        Objects.requireNonNull(macroCondition, name);
        Objects.requireNonNull(hostNames, name);
        Objects.requireNonNull(gcc, name);
        if (reference == Reference.GCC && gcc.isEmpty()) {
            throw new IllegalArgumentException(name + ": GCC is the reference but no GCC toolchain is stated");
        }
        EnumMap<Storage, TypeInfo> copy = new EnumMap<>(Storage.class);
        copy.putAll(types);
        for (Storage s : Storage.values()) {
            if (!copy.containsKey(s)) throw new IllegalArgumentException(name + " lacks " + s);
        }
        types = java.util.Collections.unmodifiableMap(copy);
    }

    /** The executable (and its Debian package) whose layouts are the truth for this target. */
    public DebianTool referenceCompiler() {
        return switch (reference) {
            case CLANG -> Reference.CLANG_19;
            case GCC -> gcc.orElseThrow().cc();
        };
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
