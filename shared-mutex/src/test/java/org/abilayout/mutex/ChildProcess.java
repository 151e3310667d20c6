package org.abilayout.mutex;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Java side of the cross-language tests, run as a separate JVM: the same commands, with the
 * same meaning and output, as src/test/c/mutex_tool.c.
 */
public final class ChildProcess {
    /** What the region commands keep in the region's data (struct region_data in mutex_tool.c). */
    static final long MARKER = 0, INITIALISER = 8, COUNTER = 16, DATA_SIZE = 24;
    static final long REGION_MARKER = 0x5245474E494F4E31L;

    private ChildProcess() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("region")) {
            region(args);
            System.exit(0);
        }
        TestFile f = TestFile.map(Path.of(args[1]));
        if (args[0].equals("attach")) {
            try {
                f.mutex();
                System.out.println("0");
            } catch (UnsupportedPidNamespaceException e) {
                System.out.println("ENOTSUP");
            }
            System.exit(0);
        }
        SharedMutex m = f.mutex();
        switch (args[0]) {
            case "hold" -> {
                Guard g = m.lock();
                g.repairIfOwnerDied(() -> { });
                f.setLong(TestFile.COUNTER, f.getLong(TestFile.COUNTER) + 1);
                System.out.println("LOCKED");
                System.out.flush();
                while (true) Thread.sleep(60_000); // killed here, inside the critical section
            }
            case "trylock" -> {
                Optional<Guard> got = m.tryLock();
                System.out.println(got.isEmpty() ? "EBUSY" : got.get().ownerDied() ? "EOWNERDEAD" : "0");
                got.ifPresent(g -> {
                    g.repairIfOwnerDied(() -> { });
                    g.close();
                });
            }
            case "count" -> {
                long n = Long.parseLong(args[2]);
                for (long i = 0; i < n; i++) {
                    try (Guard g = m.lock()) {
                        g.repairIfOwnerDied(() -> { }); // nothing to repair: every update is one store
                        // a deliberately non-atomic read-modify-write: only the mutex keeps it exact
                        f.setLong(TestFile.COUNTER, f.getLong(TestFile.COUNTER) + 1);
                    }
                }
                System.out.println("counted " + n);
            }
            case "produce" -> {
                long id = Long.parseLong(args[2]);
                long n = Long.parseLong(args[3]);
                SharedCondition notEmpty = f.notEmpty();
                SharedCondition notFull = f.notFull();
                for (long i = 0; i < n; i++) {
                    try (Guard g = m.lock()) {
                        g.repairIfOwnerDied(() -> { });
                        while (f.getLong(TestFile.HEAD) - f.getLong(TestFile.TAIL) == TestFile.RING) {
                            g.await(notFull);
                            g.repairIfOwnerDied(() -> { });
                        }
                        long head = f.getLong(TestFile.HEAD);
                        f.setLong(TestFile.RING_AT + 8 * (head % TestFile.RING), (id << 32) | i);
                        f.setLong(TestFile.HEAD, head + 1);
                        notEmpty.signal();
                    }
                }
                System.out.println("produced " + n);
            }
            case "consume" -> consume(f, m, Long.parseLong(args[2]));
            case "wait-relock" -> {
                Guard g = m.lock();
                System.out.println("WAITING");
                System.out.flush();
                String result;
                try {
                    result = g.await(f.notEmpty(), Duration.ofMillis(Long.parseLong(args[2]))) ? "0" : "ETIMEDOUT";
                } catch (DeadlineExceededException e) {
                    result = "ENOLCK";
                }
                System.out.println(result + " " + (g.isHeld() ? "held" : "not-held"));
                g.close();
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    private static void consume(TestFile f, SharedMutex m, long total) {
        SharedCondition notEmpty = f.notEmpty();
        SharedCondition notFull = f.notFull();
        long count = 0;
        long sum = 0;
        while (true) {
            long v;
            try (Guard g = m.lock()) {
                g.repairIfOwnerDied(() -> { });
                while (f.getLong(TestFile.HEAD) == f.getLong(TestFile.TAIL) && f.getLong(TestFile.TAIL) < total) {
                    g.await(notEmpty);
                    g.repairIfOwnerDied(() -> { });
                }
                long tail = f.getLong(TestFile.TAIL);
                if (tail >= total) break;
                v = f.getLong(TestFile.RING_AT + 8 * (tail % TestFile.RING));
                f.setLong(TestFile.TAIL, tail + 1);
                notFull.signal();
                if (tail + 1 == total) notEmpty.signalAll(); // the others stop waiting
            }
            count++;
            sum += v;
        }
        System.out.println("consumed " + count + " " + sum);
    }

    /** region PATH MUTEXES CONDS TIMEOUT_MS ROUNDS [hang], as in mutex_tool.c. */
    private static void region(String[] args) throws InterruptedException {
        RegionLayout layout = RegionLayout.of(Integer.parseInt(args[2]), Integer.parseInt(args[3]), DATA_SIZE, 8);
        boolean hang = args.length > 6 && args[6].equals("hang");
        long rounds = Long.parseLong(args[5]);
        SharedRegion r;
        try {
            r = SharedRegion.createOrAttach(Path.of(args[1]), layout, Duration.ofMillis(Long.parseLong(args[4])), data -> {
                if (hang) {
                    // the creator that dies half-way: leaves a wrong marker, says so, and waits to be killed
                    data.set(ValueLayout.JAVA_LONG, MARKER, 13);
                    System.out.println("INITIALISING");
                    System.out.flush();
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                data.set(ValueLayout.JAVA_LONG, MARKER, REGION_MARKER);
                data.set(ValueLayout.JAVA_LONG, INITIALISER, ProcessHandle.current().pid());
            });
        } catch (DeadlineExceededException e) {
            System.out.println("ETIMEDOUT");
            System.exit(1);
            return;
        }
        MemorySegment d = r.data();
        SharedMutex m = r.mutex(0);
        for (long i = 0; i < rounds; i++) {
            try (Guard g = m.lock()) {
                g.repairIfOwnerDied(() -> { });
                d.set(ValueLayout.JAVA_LONG, COUNTER, d.get(ValueLayout.JAVA_LONG, COUNTER) + 1);
            }
        }
        System.out.println((r.created() ? "created" : "attached") + " "
                + (d.get(ValueLayout.JAVA_LONG, MARKER) == REGION_MARKER ? "marker" : "NO-MARKER") + " "
                + d.get(ValueLayout.JAVA_LONG, INITIALISER));
        r.close();
    }
}
