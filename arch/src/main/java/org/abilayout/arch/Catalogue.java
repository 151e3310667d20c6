package org.abilayout.arch;

import static org.abilayout.arch.DataModel.ILP32;
import static org.abilayout.arch.DataModel.LLP64;
import static org.abilayout.arch.DataModel.LP64;
import static org.abilayout.arch.Endian.BIG;
import static org.abilayout.arch.Endian.LITTLE;
import static org.abilayout.arch.LongDoubleFormat.IBM_DOUBLE_DOUBLE;
import static org.abilayout.arch.LongDoubleFormat.IEEE_DOUBLE;
import static org.abilayout.arch.LongDoubleFormat.IEEE_QUAD;
import static org.abilayout.arch.LongDoubleFormat.M68K_EXTENDED;
import static org.abilayout.arch.LongDoubleFormat.X87_EXTENDED;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target catalogue: one entry per platform, in one place each, below. An entry starts from
 * the data model's defaults ({@link #unix} or {@link #windows}) and states only what differs.
 * Every number here is checked against the platform's C compiler by the differential suite in
 * {@code abi-tests} against the platform's own compiler: clang-19 {@code -target NAME}, or the
 * GCC cross compiler where GCC is the platform compiler and clang-19 disagrees with it (m68k,
 * i386 and s390x Linux). To add a target: add an entry, run the suite.
 */
public final class Catalogue {

    private static final List<Target> TARGETS = List.of(
            // --- Linux ---------------------------------------------------------------------------
            unix("x86_64-linux-gnu", "x86_64", "linux", LP64, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("SysV AMD64; long double is x87 80-bit in 16 bytes").build(),
            unix("i386-linux-gnu", "i386", "linux", ILP32, LITTLE).signedChar()
                    .type(Storage.LONG_LONG, 8, 4).type(Storage.DOUBLE, 8, 4)
                    .longDouble(12, 4, X87_EXTENDED).atomicPromote(8)
                    .reference(Target.Reference.GCC).scalarRecordAlignCap(4)
                    .notes("SysV i386: double and long long sit on 4-byte boundaries in structs "
                            + "(_Atomic ones on 8, since GCC 11); long double is 12 bytes; GCC, the "
                            + "platform compiler, aligns an 8-byte struct or union to 4 even when it "
                            + "holds an 8-aligned _Atomic (clang-19 gives 8)").build(),
            unix("x86_64-linux-gnux32", "x86_64", "linux", ILP32, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("x32: ILP32 on x86_64, but long long and double stay 8-aligned").build(),
            unix("aarch64-linux-gnu", "aarch64", "linux", LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("AAPCS64; char is unsigned; long double is IEEE quad").build(),
            unix("aarch64_be-linux-gnu", "aarch64", "linux", LP64, BIG)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("big-endian AAPCS64").build(),
            unix("arm-linux-gnueabihf", "arm", "linux", ILP32, LITTLE)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("AAPCS: long long and double 8-aligned; char unsigned; long double = double").build(),
            unix("armeb-linux-gnueabi", "arm", "linux", ILP32, BIG)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("big-endian AAPCS").build(),
            unix("powerpc-linux-gnu", "powerpc", "linux", ILP32, BIG)
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(8)
                    .notes("PowerPC SysV: char unsigned; long double is IBM double-double").build(),
            unix("powerpc64-linux-gnu", "powerpc64", "linux", LP64, BIG)
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(16)
                    .notes("ELFv1/ELFv2 big-endian; long double is IBM double-double").build(),
            unix("powerpc64le-linux-gnu", "powerpc64", "linux", LP64, LITTLE)
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(16)
                    .notes("ELFv2; long double double-double by default (IEEE quad with -mabi=ieeelongdouble)").build(),
            unix("s390x-linux-gnu", "s390x", "linux", LP64, BIG)
                    .longDouble(16, 8, IEEE_QUAD).atomicPromote(8).reference(Target.Reference.GCC)
                    .notes("z/Architecture: long double is a quad aligned to 8; GCC, the platform "
                            + "compiler, keeps _Atomic long double on 8 (clang-19 raises it to 16)").build(),
            unix("mips-linux-gnu", "mips", "linux", ILP32, BIG).signedChar()
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("o32: long long and double 8-aligned; long double = double").build(),
            unix("mipsel-linux-gnu", "mips", "linux", ILP32, LITTLE).signedChar()
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("o32 little-endian").build(),
            unix("mips64-linux-gnuabi64", "mips64", "linux", LP64, BIG).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("n64: long double is IEEE quad").build(),
            unix("mips64el-linux-gnuabi64", "mips64", "linux", LP64, LITTLE).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("n64 little-endian").build(),
            unix("riscv32-linux-gnu", "riscv32", "linux", ILP32, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(8)
                    .notes("ilp32d: long long and double 8-aligned; long double is IEEE quad").build(),
            unix("riscv64-linux-gnu", "riscv64", "linux", LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d; char unsigned").build(),
            unix("loongarch64-linux-gnu", "loongarch64", "linux", LP64, LITTLE).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d; char signed").build(),
            unix("sparc64-linux-gnu", "sparc64", "linux", LP64, BIG).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("SPARC V9; long double is IEEE quad").build(),
            unix("m68k-linux-gnu", "m68k", "linux", ILP32, BIG).signedChar()
                    .type(Storage.INT, 4, 2).type(Storage.LONG, 4, 2).type(Storage.LONG_LONG, 8, 2)
                    .type(Storage.POINTER, 4, 2).type(Storage.WCHAR, 4, 2).type(Storage.FLOAT, 4, 2)
                    .type(Storage.DOUBLE, 8, 2).longDouble(12, 2, M68K_EXTENDED).atomicPromote(0)
                    .reference(Target.Reference.GCC)
                    .notes("GCC aligns int and everything wider to 2, _Atomic too; clang-19 uses 4 "
                            + "and is wrong for this platform; long double is 96-bit extended").build(),
            // --- Windows (MSVC ABI) --------------------------------------------------------------
            windows("x86_64-windows-msvc", "x86_64", LLP64).atomicPromote(16)
                    .notes("LLP64: long is 4 bytes; wchar_t 2; long double = double").build(),
            windows("i386-windows-msvc", "i386", ILP32).atomicPromote(8)
                    .notes("unlike SysV i386, MSVC aligns double and long long to 8 in structs").build(),
            windows("aarch64-windows-msvc", "aarch64", LLP64).atomicPromote(16)
                    .notes("LLP64 on arm64; char signed as on every Windows target").build(),
            // --- Apple ---------------------------------------------------------------------------
            unix("x86_64-apple-darwin", "x86_64", "darwin", LP64, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("Darwin x86_64: as SysV AMD64").build(),
            unix("aarch64-apple-darwin", "aarch64", "darwin", LP64, LITTLE).signedChar()
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("Apple arm64: char signed (unlike AAPCS64), long double = double").build(),
            // --- FreeBSD -------------------------------------------------------------------------
            unix("x86_64-freebsd", "x86_64", "freebsd", LP64, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("SysV AMD64").build(),
            unix("i386-freebsd", "i386", "freebsd", ILP32, LITTLE).signedChar()
                    .type(Storage.LONG_LONG, 8, 4).type(Storage.DOUBLE, 8, 4)
                    .longDouble(12, 4, X87_EXTENDED).atomicPromote(8)
                    .notes("SysV i386, as on Linux").build(),
            unix("aarch64-freebsd", "aarch64", "freebsd", LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("AAPCS64").build(),
            unix("armv7-freebsd-gnueabihf", "arm", "freebsd", ILP32, LITTLE)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("AAPCS, hard float").build(),
            unix("powerpc64-freebsd", "powerpc64", "freebsd", LP64, BIG)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("FreeBSD's long double on powerpc64 is a plain double, unlike Linux").build(),
            unix("powerpc64le-freebsd", "powerpc64", "freebsd", LP64, LITTLE)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("as powerpc64-freebsd, little-endian").build(),
            unix("riscv64-freebsd", "riscv64", "freebsd", LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d").build());

    private static final Map<String, Target> BY_NAME;

    static {
        Map<String, Target> byName = new LinkedHashMap<>();
        for (Target t : TARGETS) {
            if (byName.put(t.name(), t) != null) throw new IllegalStateException("duplicate target " + t.name());
        }
        BY_NAME = java.util.Collections.unmodifiableMap(byName);
    }

    private Catalogue() {}

    /** Every target, in catalogue order (Linux, Windows, Apple, FreeBSD). */
    public static List<Target> all() {
        return TARGETS;
    }

    public static Optional<Target> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    // --- entry builders ----------------------------------------------------------------------------

    /** Defaults of a Unix-like (SysV/GCC) target: every type aligned to its size, wchar_t is 4. */
    private static Builder unix(String name, String cpu, String os, DataModel model, Endian endian) {
        Builder b = new Builder(name, cpu, os, model, endian, RecordAbi.SYSV);
        long word = model == LP64 ? 8 : 4;
        b.type(Storage.LONG, word, word).type(Storage.POINTER, word, word).type(Storage.WCHAR, 4, 4);
        return b;
    }

    /** Defaults of an MSVC target: long is 4, wchar_t is 2, char signed, long double = double. */
    private static Builder windows(String name, String cpu, DataModel model) {
        Builder b = new Builder(name, cpu, "windows", model, LITTLE, RecordAbi.MSVC);
        long ptr = model == LLP64 ? 8 : 4;
        return b.signedChar().type(Storage.LONG, 4, 4).type(Storage.POINTER, ptr, ptr)
                .type(Storage.WCHAR, 2, 2).longDouble(8, 8, IEEE_DOUBLE);
    }

    private static final class Builder {
        private final String name;
        private final String cpu;
        private final String os;
        private final DataModel model;
        private final Endian endian;
        private final RecordAbi abi;
        private final EnumMap<Storage, TypeInfo> types = new EnumMap<>(Storage.class);
        private boolean charSigned;
        private LongDoubleFormat longDouble;
        private int atomicPromote;
        private Target.Reference reference = Target.Reference.CLANG;
        private int scalarRecordAlignCap;
        private String notes = "";

        Builder(String name, String cpu, String os, DataModel model, Endian endian, RecordAbi abi) {
            this.name = name;
            this.cpu = cpu;
            this.os = os;
            this.model = model;
            this.endian = endian;
            this.abi = abi;
            type(Storage.BOOL, 1, 1).type(Storage.CHAR, 1, 1).type(Storage.SHORT, 2, 2).type(Storage.INT, 4, 4)
                    .type(Storage.LONG_LONG, 8, 8).type(Storage.FLOAT, 4, 4).type(Storage.DOUBLE, 8, 8);
        }

        Builder type(Storage s, long size, long align) {
            types.put(s, new TypeInfo(size, align));
            return this;
        }

        Builder signedChar() {
            charSigned = true;
            return this;
        }

        Builder longDouble(long size, long align, LongDoubleFormat format) {
            longDouble = format;
            return type(Storage.LONG_DOUBLE, size, align);
        }

        Builder atomicPromote(int bytes) {
            atomicPromote = bytes;
            return this;
        }

        Builder reference(Target.Reference r) {
            reference = r;
            return this;
        }

        Builder scalarRecordAlignCap(int bytes) {
            scalarRecordAlignCap = bytes;
            return this;
        }

        Builder notes(String n) {
            notes = n;
            return this;
        }

        Target build() {
            return new Target(name, cpu, os, model, endian, charSigned, types, longDouble, abi, atomicPromote,
                    reference, scalarRecordAlignCap, notes);
        }
    }
}
