package org.abilayout.arch;

import static org.abilayout.arch.DataModel.LLP64;
import static org.abilayout.arch.DataModel.LP64;
import static org.abilayout.arch.Endian.LITTLE;
import static org.abilayout.arch.LongDoubleFormat.IEEE_DOUBLE;

import java.util.EnumMap;
import java.util.Optional;

/**
 * How a catalogue entry is stated: it starts from the defaults of its family ({@link #unix} or
 * {@link #windows}) and says only what differs. What follows from the cpu, the system, the data
 * model and the byte order (the identifying macro condition, the JVM's names of the platform)
 * is derived here, so an entry cannot contradict itself.
 */
public final class TargetBuilder {
    private final String name;
    private final Cpu cpu;
    private final Os os;
    private final DataModel model;
    private final Endian endian;
    private final RecordAbi abi;
    private final EnumMap<Storage, TypeInfo> types = new EnumMap<>(Storage.class);
    private boolean charSigned;
    private LongDoubleFormat longDouble;
    private int atomicPromote;
    private Target.Reference reference = Target.Reference.CLANG;
    private int scalarRecordAlignCap;
    private Optional<GccToolchain> gcc = Optional.empty();
    private String notes = "";

    private TargetBuilder(String name, Cpu cpu, Os os, DataModel model, Endian endian, RecordAbi abi) {
        this.name = name;
        this.cpu = cpu;
        this.os = os;
        this.model = model;
        this.endian = endian;
        this.abi = abi;
        type(Storage.BOOL, 1, 1).type(Storage.CHAR, 1, 1).type(Storage.SHORT, 2, 2).type(Storage.INT, 4, 4)
                .type(Storage.LONG_LONG, 8, 8).type(Storage.FLOAT, 4, 4).type(Storage.DOUBLE, 8, 8);
    }

    /** Defaults of a Unix-like (SysV/GCC) target: every type aligned to its size, wchar_t is 4. */
    public static TargetBuilder unix(String name, Cpu cpu, Os os, DataModel model, Endian endian) {
        TargetBuilder b = new TargetBuilder(name, cpu, os, model, endian, RecordAbi.SYSV);
        long word = model == LP64 ? 8 : 4;
        return b.type(Storage.LONG, word, word).type(Storage.POINTER, word, word).type(Storage.WCHAR, 4, 4);
    }

    /** Defaults of an MSVC target: long is 4, wchar_t is 2, char signed, long double = double. */
    public static TargetBuilder windows(String name, Cpu cpu, DataModel model) {
        TargetBuilder b = new TargetBuilder(name, cpu, Os.WINDOWS, model, LITTLE, RecordAbi.MSVC);
        long ptr = model == LLP64 ? 8 : 4;
        return b.signedChar().type(Storage.LONG, 4, 4).type(Storage.POINTER, ptr, ptr)
                .type(Storage.WCHAR, 2, 2).longDouble(8, 8, IEEE_DOUBLE);
    }

    public TargetBuilder type(Storage s, long size, long align) {
        types.put(s, new TypeInfo(size, align));
        return this;
    }

    public TargetBuilder signedChar() {
        charSigned = true;
        return this;
    }

    public TargetBuilder longDouble(long size, long align, LongDoubleFormat format) {
        longDouble = format;
        return type(Storage.LONG_DOUBLE, size, align);
    }

    public TargetBuilder atomicPromote(int bytes) {
        atomicPromote = bytes;
        return this;
    }

    /** The platform compiler is the reference: GCC needs {@link #gcc}. */
    public TargetBuilder reference(Target.Reference r) {
        reference = r;
        return this;
    }

    public TargetBuilder scalarRecordAlignCap(int bytes) {
        scalarRecordAlignCap = bytes;
        return this;
    }

    /** The platform's GCC and qemu-user, as Debian packages them. */
    public TargetBuilder gcc(GccToolchain toolchain) {
        gcc = Optional.of(toolchain);
        return this;
    }

    public TargetBuilder notes(String n) {
        notes = n;
        return this;
    }

    public Target build() {
        return new Target(name, cpu, os, model, endian, charSigned, types, longDouble, abi, atomicPromote,
                reference, scalarRecordAlignCap, PredefinedMacros.identify(cpu, os, model, endian, abi),
                HostNames.of(cpu, os), gcc, notes);
    }
}
