import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.abilayout.mutex.Guard;
import org.abilayout.mutex.LowLevelMutex;
import org.abilayout.mutex.SharedCondition;
import org.abilayout.mutex.SharedMutex;

/**
 * The Java half of the shared-mutex benchmark (bench/run.sh runs it; bench.c is the C half and
 * describes the file both map). A plain harness, not JMH: warm-up, then the best of five timed runs
 * for the uncontended loop, and one long timed run after a warm-up for the ping-pong.
 *
 *   MutexBench uncontended ours|lowlevel|filelock FILE N  -> ns per lock+unlock
 *   MutexBench pingpong ours|filelock FILE N ROLE         -> ns per round trip (ROLE 0 prints)
 * ("ours" is the guard API, try-with-resources; "lowlevel" is LowLevelMutex, lock and unlock by hand.)
 */
public final class MutexBench {
    private static final long COND = 64;
    private static final long TURN = 256;
    /** FileChannel.lock takes this byte range of the same file (advisory, so it does not disturb the rest). */
    private static final long FILELOCK_AT = 4000;
    private static final int WARMUP_ROUND_TRIPS = 20000; // the same as WARMUP in bench.c: partners run in lock-step

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[2]);
        long n = Long.parseLong(args[3]);
        try (Arena arena = Arena.ofShared();
                FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment file = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096, arena);
            SharedMutex mutex = SharedMutex.attach(file);
            boolean ours = args[1].equals("ours");
            switch (args[0]) {
                case "uncontended" -> {
                    String which = args[1];
                    run(which, mutex, ch, n / 10);
                    double best = Double.MAX_VALUE;
                    for (int rep = 0; rep < 5; rep++) best = Math.min(best, run(which, mutex, ch, n));
                    System.out.printf("%.2f%n", best);
                }
                case "pingpong" -> {
                    int role = Integer.parseInt(args[4]);
                    SharedCondition cond = SharedCondition.attach(file.asSlice(COND));
                    if (ours) pingPongOurs(mutex, cond, file, WARMUP_ROUND_TRIPS, role);
                    else pingPongFileLock(ch, file, Math.min(WARMUP_ROUND_TRIPS, n), role);
                    long t0 = System.nanoTime();
                    if (ours) pingPongOurs(mutex, cond, file, n, role); else pingPongFileLock(ch, file, n, role);
                    if (role == 0) System.out.printf("%.0f%n", (double) (System.nanoTime() - t0) / n);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static double run(String which, SharedMutex m, FileChannel ch, long n) throws IOException {
        return switch (which) {
            case "ours" -> uncontendedOurs(m, n);
            case "lowlevel" -> uncontendedLowLevel(m.lowLevel(), n);
            case "filelock" -> uncontendedFileLock(ch, n);
            default -> throw new IllegalArgumentException(which);
        };
    }

    private static double uncontendedOurs(SharedMutex m, long n) {
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            try (Guard g = m.lock()) {
                // empty critical section
            }
        }
        return (double) (System.nanoTime() - t0) / n;
    }

    private static double uncontendedLowLevel(LowLevelMutex m, long n) {
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            m.lock();
            m.unlock();
        }
        return (double) (System.nanoTime() - t0) / n;
    }

    private static double uncontendedFileLock(FileChannel ch, long n) throws IOException {
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            ch.lock(FILELOCK_AT, 1, false).release();
        }
        return (double) (System.nanoTime() - t0) / n;
    }

    private static void pingPongOurs(SharedMutex m, SharedCondition c, MemorySegment f, long n, int role) {
        for (long i = 0; i < n; i++) {
            try (Guard g = m.lock()) {
                while (f.get(ValueLayout.JAVA_LONG, TURN) != role) g.await(c);
                f.set(ValueLayout.JAVA_LONG, TURN, 1 - role);
                c.signal();
            }
        }
    }

    /** FileChannel.lock has no condition: a process polls, taking the lock to look at the turn. */
    private static void pingPongFileLock(FileChannel ch, MemorySegment f, long n, int role) throws IOException {
        for (long i = 0; i < n; ) {
            try (FileLock l = ch.lock(FILELOCK_AT, 1, false)) {
                if (f.get(ValueLayout.JAVA_LONG, TURN) == role) {
                    f.set(ValueLayout.JAVA_LONG, TURN, 1 - role);
                    i++;
                }
            }
        }
    }
}
