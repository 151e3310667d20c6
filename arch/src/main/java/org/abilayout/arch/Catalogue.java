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
import static org.abilayout.arch.TargetBuilder.unix;
import static org.abilayout.arch.TargetBuilder.windows;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target catalogue: one entry per platform, in one place each, below. An entry starts from
 * the data model's defaults ({@link TargetBuilder#unix} or
 * {@link TargetBuilder#windows}) and states only what differs.
 * Every number here is checked against the platform's C compiler by the differential suite in
 * {@code abi-tests} against the platform's own compiler: clang-19 {@code -target NAME}, or the
 * GCC cross compiler where GCC is the platform compiler and clang-19 disagrees with it (m68k,
 * i386 and s390x Linux). To add a target: add an entry, run the suite.
 *
 * <p>The entry is the one place of what abilayout knows about a platform: besides the layout
 * facts, its {@link Cpu} and {@link Os} (and through them the macros that identify it in C and
 * the names the JVM gives it) and its GCC toolchain. Every consumer reads them from here: the C
 * header's identification block, the {@code @if} predicates, host detection in the runtime, and
 * the test suite's choice of compilers and emulators. A catalogue is a value: {@link #standard()}
 * is the one abilayout ships, {@link #with} adds entries for a platform being tried out.
 */
public final class Catalogue {

    private static final Catalogue STANDARD = new Catalogue(List.of(
            // --- Linux ---------------------------------------------------------------------------
            unix("x86_64-linux-gnu", Cpu.X86_64, Os.LINUX, LP64, LITTLE).signedChar()
                    .gcc(GccToolchain.debianNative("x86_64-linux-gnu", "qemu-x86_64"))
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("SysV AMD64; long double is x87 80-bit in 16 bytes").build(),
            unix("i386-linux-gnu", Cpu.I386, Os.LINUX, ILP32, LITTLE).signedChar()
                    .gcc(GccToolchain.debianCross("i686-linux-gnu", "qemu-i386"))
                    .type(Storage.LONG_LONG, 8, 4).type(Storage.DOUBLE, 8, 4)
                    .longDouble(12, 4, X87_EXTENDED).atomicPromote(8)
                    .reference(Target.Reference.GCC).scalarRecordAlignCap(4)
                    .notes("SysV i386: double and long long sit on 4-byte boundaries in structs "
                            + "(_Atomic ones on 8, since GCC 11); long double is 12 bytes; GCC, the "
                            + "platform compiler, aligns an 8-byte struct or union to 4 even when it "
                            + "holds an 8-aligned _Atomic (clang-19 gives 8)").build(),
            unix("x86_64-linux-gnux32", Cpu.X86_64, Os.LINUX, ILP32, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("x32: ILP32 on x86_64, but long long and double stay 8-aligned").build(),
            unix("aarch64-linux-gnu", Cpu.AARCH64, Os.LINUX, LP64, LITTLE)
                    .gcc(GccToolchain.debianCross("aarch64-linux-gnu", "qemu-aarch64"))
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("AAPCS64; char is unsigned; long double is IEEE quad").build(),
            unix("aarch64_be-linux-gnu", Cpu.AARCH64, Os.LINUX, LP64, BIG)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("big-endian AAPCS64").build(),
            unix("arm-linux-gnueabihf", Cpu.ARM, Os.LINUX, ILP32, LITTLE)
                    .gcc(GccToolchain.debianCross("arm-linux-gnueabihf", "qemu-arm"))
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("AAPCS: long long and double 8-aligned; char unsigned; long double = double").build(),
            unix("armeb-linux-gnueabi", Cpu.ARM, Os.LINUX, ILP32, BIG)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("big-endian AAPCS").build(),
            unix("powerpc-linux-gnu", Cpu.POWERPC, Os.LINUX, ILP32, BIG)
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(8)
                    .notes("PowerPC SysV: char unsigned; long double is IBM double-double").build(),
            unix("powerpc64-linux-gnu", Cpu.POWERPC64, Os.LINUX, LP64, BIG)
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(16)
                    .notes("ELFv1/ELFv2 big-endian; long double is IBM double-double").build(),
            unix("powerpc64le-linux-gnu", Cpu.POWERPC64, Os.LINUX, LP64, LITTLE)
                    .gcc(GccToolchain.debianCross("powerpc64le-linux-gnu", "qemu-ppc64le"))
                    .longDouble(16, 16, IBM_DOUBLE_DOUBLE).atomicPromote(16)
                    .notes("ELFv2; long double double-double by default (IEEE quad with -mabi=ieeelongdouble)").build(),
            unix("s390x-linux-gnu", Cpu.S390X, Os.LINUX, LP64, BIG)
                    .gcc(GccToolchain.debianCross("s390x-linux-gnu", "qemu-s390x"))
                    .longDouble(16, 8, IEEE_QUAD).atomicPromote(8).reference(Target.Reference.GCC)
                    .notes("z/Architecture: long double is a quad aligned to 8; GCC, the platform "
                            + "compiler, keeps _Atomic long double on 8 (clang-19 raises it to 16)").build(),
            unix("mips-linux-gnu", Cpu.MIPS, Os.LINUX, ILP32, BIG).signedChar()
                    .gcc(GccToolchain.debianCross("mips-linux-gnu", "qemu-mips"))
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("o32: long long and double 8-aligned; long double = double").build(),
            unix("mipsel-linux-gnu", Cpu.MIPS, Os.LINUX, ILP32, LITTLE).signedChar()
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("o32 little-endian").build(),
            unix("mips64-linux-gnuabi64", Cpu.MIPS64, Os.LINUX, LP64, BIG).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("n64: long double is IEEE quad").build(),
            unix("mips64el-linux-gnuabi64", Cpu.MIPS64, Os.LINUX, LP64, LITTLE).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("n64 little-endian").build(),
            unix("riscv32-linux-gnu", Cpu.RISCV32, Os.LINUX, ILP32, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(8)
                    .notes("ilp32d: long long and double 8-aligned; long double is IEEE quad").build(),
            unix("riscv64-linux-gnu", Cpu.RISCV64, Os.LINUX, LP64, LITTLE)
                    .gcc(GccToolchain.debianCross("riscv64-linux-gnu", "qemu-riscv64"))
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d; char unsigned").build(),
            unix("loongarch64-linux-gnu", Cpu.LOONGARCH64, Os.LINUX, LP64, LITTLE).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d; char signed").build(),
            unix("sparc64-linux-gnu", Cpu.SPARC64, Os.LINUX, LP64, BIG).signedChar()
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("SPARC V9; long double is IEEE quad").build(),
            unix("m68k-linux-gnu", Cpu.M68K, Os.LINUX, ILP32, BIG).signedChar()
                    .gcc(GccToolchain.debianCross("m68k-linux-gnu", "qemu-m68k"))
                    .type(Storage.INT, 4, 2).type(Storage.LONG, 4, 2).type(Storage.LONG_LONG, 8, 2)
                    .type(Storage.POINTER, 4, 2).type(Storage.WCHAR, 4, 2).type(Storage.FLOAT, 4, 2)
                    .type(Storage.DOUBLE, 8, 2).longDouble(12, 2, M68K_EXTENDED).atomicPromote(0)
                    .reference(Target.Reference.GCC)
                    .notes("GCC aligns int and everything wider to 2, _Atomic too; clang-19 uses 4 "
                            + "and is wrong for this platform; long double is 96-bit extended").build(),
            // --- Windows (MSVC ABI) --------------------------------------------------------------
            windows("x86_64-windows-msvc", Cpu.X86_64, LLP64).atomicPromote(16)
                    .notes("LLP64: long is 4 bytes; wchar_t 2; long double = double").build(),
            windows("i386-windows-msvc", Cpu.I386, ILP32).atomicPromote(8)
                    .notes("unlike SysV i386, MSVC aligns double and long long to 8 in structs").build(),
            windows("aarch64-windows-msvc", Cpu.AARCH64, LLP64).atomicPromote(16)
                    .notes("LLP64 on arm64; char signed as on every Windows target").build(),
            // --- Apple ---------------------------------------------------------------------------
            unix("x86_64-apple-darwin", Cpu.X86_64, Os.DARWIN, LP64, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("Darwin x86_64: as SysV AMD64").build(),
            unix("aarch64-apple-darwin", Cpu.AARCH64, Os.DARWIN, LP64, LITTLE).signedChar()
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("Apple arm64: char signed (unlike AAPCS64), long double = double").build(),
            // --- FreeBSD -------------------------------------------------------------------------
            unix("x86_64-freebsd", Cpu.X86_64, Os.FREEBSD, LP64, LITTLE).signedChar()
                    .longDouble(16, 16, X87_EXTENDED).atomicPromote(16)
                    .notes("SysV AMD64").build(),
            unix("i386-freebsd", Cpu.I386, Os.FREEBSD, ILP32, LITTLE).signedChar()
                    .type(Storage.LONG_LONG, 8, 4).type(Storage.DOUBLE, 8, 4)
                    .longDouble(12, 4, X87_EXTENDED).atomicPromote(8)
                    .notes("SysV i386, as on Linux").build(),
            unix("aarch64-freebsd", Cpu.AARCH64, Os.FREEBSD, LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("AAPCS64").build(),
            unix("armv7-freebsd-gnueabihf", Cpu.ARM, Os.FREEBSD, ILP32, LITTLE)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(8)
                    .notes("AAPCS, hard float").build(),
            unix("powerpc64-freebsd", Cpu.POWERPC64, Os.FREEBSD, LP64, BIG)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("FreeBSD's long double on powerpc64 is a plain double, unlike Linux").build(),
            unix("powerpc64le-freebsd", Cpu.POWERPC64, Os.FREEBSD, LP64, LITTLE)
                    .longDouble(8, 8, IEEE_DOUBLE).atomicPromote(16)
                    .notes("as powerpc64-freebsd, little-endian").build(),
            unix("riscv64-freebsd", Cpu.RISCV64, Os.FREEBSD, LP64, LITTLE)
                    .longDouble(16, 16, IEEE_QUAD).atomicPromote(16)
                    .notes("lp64d").build()));

    private final List<Target> targets;
    private final Map<String, Target> byName;

    private Catalogue(List<Target> targets) {
        this.targets = List.copyOf(targets);
        Map<String, Target> names = new LinkedHashMap<>();
        Map<String, Target> conditions = new HashMap<>();
        Map<List<Object>, Target> hosts = new HashMap<>();
        for (Target t : this.targets) {
            if (names.put(t.name(), t) != null) throw new IllegalArgumentException("duplicate target " + t.name());
            Target same = conditions.putIfAbsent(t.macroCondition(), t);
            if (same != null) {
                throw new IllegalArgumentException(t.name() + " and " + same.name()
                        + " have the same identifying macro condition: a header could not tell them apart");
            }
            for (String osName : t.hostNames().osNamePrefixes()) {
                for (String arch : t.hostNames().osArchNames()) {
                    same = hosts.putIfAbsent(List.of(osName, arch, t.pointerBytes(), t.endian()), t);
                    if (same != null) {
                        throw new IllegalArgumentException(t.name() + " and " + same.name()
                                + " are the same platform to the JVM (" + osName + "/" + arch + ", "
                                + t.pointerBytes() * 8 + "-bit pointers, " + t.endian() + ")");
                    }
                }
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The catalogue abilayout ships: every target below. */
    public static Catalogue standard() {
        return STANDARD;
    }

    /**
     * A catalogue of exactly these targets, checked as the standard one is: distinct names, and
     * no two targets a C compiler or the JVM could not tell apart.
     */
    public static Catalogue of(List<Target> targets) {
        return new Catalogue(targets);
    }

    /** This catalogue with more entries after its own (a platform tried out before it is added below). */
    public Catalogue with(Target... more) {
        List<Target> all = new ArrayList<>(targets);
        all.addAll(List.of(more));
        return new Catalogue(all);
    }

    /** Every target, in catalogue order. */
    public List<Target> targets() {
        return targets;
    }

    /** The target of this name. */
    public Optional<Target> target(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The target the JVM describes with {@code os.name}, {@code os.arch}, its pointer size and
     * native byte order, if this catalogue has one.
     */
    public Optional<Target> host(String osName, String osArch, long pointerBytes, ByteOrder order) {
        return targets.stream().filter(t -> t.hostNames().matches(osName, osArch) && t.pointerBytes() == pointerBytes
                && t.endian().byteOrder().equals(order)).findFirst();
    }

    /** Every target of the standard catalogue, in catalogue order (Linux, Windows, Apple, FreeBSD). */
    public static List<Target> all() {
        return STANDARD.targets();
    }

    /** A target of the standard catalogue. */
    public static Optional<Target> byName(String name) {
        return STANDARD.target(name);
    }
}
