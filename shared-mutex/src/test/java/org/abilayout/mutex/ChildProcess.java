package org.abilayout.mutex;

import java.nio.file.Path;

/**
 * The Java side of the cross-language tests, run as a separate JVM: the same commands, with the
 * same meaning, as src/test/c/mutex_tool.c.
 */
public final class ChildProcess {
    private ChildProcess() {}

    public static void main(String[] args) {
        TestFile f = TestFile.map(Path.of(args[1]));
        SharedMutex m = f.mutex();
        switch (args[0]) {
            case "hold" -> {
                lock(m);
                f.setLong(TestFile.COUNTER, f.getLong(TestFile.COUNTER) + 1);
                System.out.println("LOCKED");
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000); // killed here, inside the critical section
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            case "count" -> {
                long n = Long.parseLong(args[2]);
                for (long i = 0; i < n; i++) {
                    lock(m);
                    try {
                        // a deliberately non-atomic read-modify-write: only the mutex keeps it exact
                        f.setLong(TestFile.COUNTER, f.getLong(TestFile.COUNTER) + 1);
                    } finally {
                        m.unlock();
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
                    lock(m);
                    try {
                        while (f.getLong(TestFile.HEAD) - f.getLong(TestFile.TAIL) == TestFile.RING) await(notFull, m);
                        long head = f.getLong(TestFile.HEAD);
                        f.setLong(TestFile.RING_AT + 8 * (head % TestFile.RING), (id << 32) | i);
                        f.setLong(TestFile.HEAD, head + 1);
                        notEmpty.signal();
                    } finally {
                        m.unlock();
                    }
                }
                System.out.println("produced " + n);
            }
            case "consume" -> {
                long total = Long.parseLong(args[2]);
                SharedCondition notEmpty = f.notEmpty();
                SharedCondition notFull = f.notFull();
                long count = 0;
                long sum = 0;
                while (true) {
                    long v;
                    lock(m);
                    try {
                        while (f.getLong(TestFile.HEAD) == f.getLong(TestFile.TAIL) && f.getLong(TestFile.TAIL) < total) {
                            await(notEmpty, m);
                        }
                        long tail = f.getLong(TestFile.TAIL);
                        if (tail >= total) break;
                        v = f.getLong(TestFile.RING_AT + 8 * (tail % TestFile.RING));
                        f.setLong(TestFile.TAIL, tail + 1);
                        notFull.signal();
                        if (tail + 1 == total) notEmpty.signalAll(); // the others stop waiting
                    } finally {
                        m.unlock();
                    }
                    count++;
                    sum += v;
                }
                System.out.println("consumed " + count + " " + sum);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    /** Locks, repairing after a death (nothing to repair here: every update is one store). */
    private static void lock(SharedMutex m) {
        if (m.lock() == LockResult.OWNER_DIED) m.markConsistent();
    }

    private static void await(SharedCondition c, SharedMutex m) {
        try {
            c.await(m);
        } catch (OwnerDiedException e) {
            m.markConsistent();
        }
    }
}
