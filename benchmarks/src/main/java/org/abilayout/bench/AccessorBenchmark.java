package org.abilayout.bench;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.abilayout.bench.abi.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One member of {@code struct sample} (bench.layout) read, written and compare-and-set through:
 * the generated accessors ({@code Sample.Host}, {@code Sample.forHost()}), hand-written FFM code
 * with the same offsets, a direct {@link ByteBuffer}, and a JNA {@link Structure}. Run with
 * {@code benchmarks/run.sh}; figures in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AccessorBenchmark {
    // hand-written baseline: the offsets a programmer would copy from the C header (x86_64)
    private static final long WORD = 0;
    private static final long COUNTER = 8;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private MemorySegment segment;
    private ByteBuffer buffer;
    private Sample forHost;
    private JnaSample jna;
    private int i;

    /** The JNA mapping of the same struct, as a JNA user would write it. */
    @Structure.FieldOrder({"word", "flags", "counter", "value", "small"})
    public static class JnaSample extends Structure {
        public int word;
        public int flags;
        public long counter;
        public double value;
        public short small;

        public JnaSample(Pointer p) {
            super(p);
        }
    }

    @Setup
    public void setup() {
        segment = Arena.ofAuto().allocate(Sample.forHost().layout().byteSize(), 64);
        buffer = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
        forHost = Sample.forHost();
        jna = new JnaSample(new Memory(64));
    }

    @Benchmark
    public int generatedHostGet() {
        return Sample.Host.word(segment);
    }

    @Benchmark
    public int generatedForHostGet() {
        return forHost.word(segment);
    }

    @Benchmark
    public int handWrittenGet() {
        return (int) INT.get(segment, WORD);
    }

    @Benchmark
    public int byteBufferGet() {
        return buffer.getInt((int) WORD);
    }

    @Benchmark
    public Object jnaReadField() {
        return jna.readField("word");
    }

    @Benchmark
    public void generatedHostSet() {
        Sample.Host.counter(segment, ++i);
    }

    @Benchmark
    public void handWrittenSet() {
        LONG.set(segment, COUNTER, (long) ++i);
    }

    @Benchmark
    public void byteBufferSet() {
        buffer.putLong((int) COUNTER, ++i);
    }

    @Benchmark
    public void jnaWriteField() {
        jna.writeField("counter", (long) ++i);
    }

    @Benchmark
    public boolean generatedHostCas() {
        int v = Sample.Host.word(segment);
        return Sample.Host.word_compareAndSet(segment, v, v + 1);
    }

    @Benchmark
    public boolean handWrittenCas() {
        int v = (int) INT.get(segment, WORD);
        return INT.compareAndSet(segment, WORD, v, v + 1);
    }
}
