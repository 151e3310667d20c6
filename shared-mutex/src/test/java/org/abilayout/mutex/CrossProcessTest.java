package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Java and C processes sharing one mutex and two conditions through a mapped file. */
class CrossProcessTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void javaAndCProcessesKeepASharedCounterExact() {
        int javaProcesses = 3;
        int cProcesses = 3;
        int rounds = 20_000;
        try (TestFile f = TestFile.initialized("counter")) {
            String path = f.path.toString();
            List<Process> ps = new ArrayList<>();
            for (int i = 0; i < cProcesses; i++) ps.add(Processes.c("count", path, Integer.toString(rounds)));
            for (int i = 0; i < javaProcesses; i++) ps.add(Processes.java("count", path, Integer.toString(rounds)));
            // the test process joins in too, from two threads
            Thread[] mine = new Thread[2];
            SharedMutex m = f.mutex();
            for (int t = 0; t < mine.length; t++) {
                mine[t] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (Guard g = m.lock()) {
                            f.setLong(TestFile.COUNTER, f.getLong(TestFile.COUNTER) + 1);
                        }
                    }
                });
            }
            Processes.finishAll(ps, 45, "counter process");
            for (Thread t : mine) assertTrue(join(t, 10), "a counting thread of the test process is stuck");
            assertEquals((long) (javaProcesses + cProcesses + mine.length) * rounds, f.getLong(TestFile.COUNTER));
            assertEquals(0, m.ownerPid(), "the mutex is free at the end");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void producersAndConsumersInJavaAndCLoseNoWakeUp() {
        long perProducer = 5_000;
        int producers = 4; // two Java, two C
        long total = perProducer * producers;
        try (TestFile f = TestFile.initialized("ring")) {
            String path = f.path.toString();
            String n = Long.toString(perProducer);
            String t = Long.toString(total);
            List<Process> consumers = List.of(Processes.c("consume", path, t), Processes.java("consume", path, t),
                    Processes.c("consume", path, t));
            List<Process> ps = new ArrayList<>(consumers);
            ps.add(Processes.java("produce", path, "1", n));
            ps.add(Processes.c("produce", path, "2", n));
            ps.add(Processes.java("produce", path, "3", n));
            ps.add(Processes.c("produce", path, "4", n));
            List<String> out = Processes.finishAll(ps, 45, "producer/consumer process");
            long consumed = 0;
            long sum = 0;
            for (int i = 0; i < consumers.size(); i++) {
                String[] w = out.get(i).split(" ");
                assertEquals("consumed", w[0], out.get(i));
                consumed += Long.parseLong(w[1]);
                sum += Long.parseLong(w[2]);
            }
            long expectedSum = 0;
            for (long id = 1; id <= producers; id++) {
                expectedSum += (id << 32) * perProducer + perProducer * (perProducer - 1) / 2;
            }
            assertEquals(total, consumed, "every item is consumed exactly once");
            assertEquals(expectedSum, sum, "each item once: the sums of ids and sequence numbers match");
            assertEquals(total, f.getLong(TestFile.HEAD));
            assertEquals(total, f.getLong(TestFile.TAIL));
        }
    }

    static boolean join(Thread t, long seconds) {
        try {
            return t.join(java.time.Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
