package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Holders killed with SIGKILL inside the critical section never leave the mutex stuck. */
class KilledOwnerTest {
    private static final int ROUNDS = 50;
    /** Every fifth holder is a JVM, the others the C tool: JVMs cost ~0.5 s each to start. */
    private static final int JAVA_EVERY = 5;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theNextLockerLearnsOfTheDeathAndRecoversEveryTime() throws Exception {
        try (TestFile f = TestFile.initialized("killed"); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            LowLevelMutex m = f.mutex().lowLevel();
            String path = f.path.toString();
            for (int round = 0; round < ROUNDS; round++) {
                boolean java = round % JAVA_EVERY == 0;
                Process holder = java ? Processes.java("hold", path) : Processes.c("hold", path);
                awaitLocked(holder, java ? "java" : "C", round);
                assertEquals(holder.pid(), m.ownerPid(), "the lock word names the holder");
                // half the rounds the locker is already asleep in lock() when the holder dies, so it
                // must notice on its own; the other half it arrives after the death
                boolean waitFirst = round % 2 == 0;
                CompletableFuture<LockResult> locker = null;
                if (waitFirst) {
                    locker = CompletableFuture.supplyAsync(() -> m.lock(Duration.ofSeconds(20)), pool);
                    Thread.sleep(10);
                }
                holder.destroyForcibly();
                assertTrue(holder.waitFor(10, TimeUnit.SECONDS), "SIGKILL did not end the holder");
                LockResult r = waitFirst ? locker.get(25, TimeUnit.SECONDS) : m.lock(Duration.ofSeconds(20));
                assertEquals(LockResult.OWNER_DIED, r, "round " + round + " (" + (java ? "java" : "C") + " holder)");
                if (waitFirst) {
                    // the lock is held by the pool thread: repair and release there
                    pool.submit(() -> {
                        f.setLong(TestFile.HEAD, f.getLong(TestFile.HEAD) + 1);
                        m.markConsistent();
                        m.unlock();
                    }).get(10, TimeUnit.SECONDS);
                } else {
                    f.setLong(TestFile.HEAD, f.getLong(TestFile.HEAD) + 1);
                    m.markConsistent();
                    m.unlock();
                }
            }
            assertEquals(ROUNDS, f.getLong(TestFile.COUNTER), "every holder got the lock");
            assertEquals(ROUNDS, f.getLong(TestFile.HEAD), "every death was reported once");
            assertEquals(LockResult.ACQUIRED, m.lock(Duration.ofSeconds(5)), "consistent again at the end");
            m.unlock();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCProcessRecoversFromAKilledJavaHolder() throws Exception {
        try (TestFile f = TestFile.initialized("c-recovers")) {
            String path = f.path.toString();
            Process holder = Processes.java("hold", path);
            awaitLocked(holder, "java", 0);
            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertEquals("EOWNERDEAD", Processes.finish(Processes.c("recover", path, "consistent"), 30, "recover").strip());
            LowLevelMutex m = f.mutex().lowLevel();
            assertEquals(LockResult.ACQUIRED, m.lock(Duration.ofSeconds(5)), "C marked it consistent");
            m.unlock();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCProcessThatGivesUpMakesTheMutexNotRecoverableForJavaToo() throws Exception {
        try (TestFile f = TestFile.initialized("c-gives-up")) {
            String path = f.path.toString();
            Process holder = Processes.c("hold", path);
            awaitLocked(holder, "C", 0);
            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertEquals("EOWNERDEAD", Processes.finish(Processes.c("recover", path, "give-up"), 30, "recover").strip());
            SharedMutex m = f.mutex();
            assertThrows(MutexNotRecoverableException.class, () -> m.lock(Duration.ofSeconds(5)));
            assertEquals("ENOTRECOVERABLE", Processes.finish(Processes.c("recover", path, "consistent"), 30, "recover").strip());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aVersion1MutexIsSharedWithTheBarePidAndStillRecovered() throws Exception {
        try (TestFile f = TestFile.initialized("version-1")) {
            // as a version-1 library initialises it: no owner_start, no pid_ns
            long at = TestFile.MUTEX;
            var abi = org.abilayout.mutex.layout.MutexAbi.host().mutex();
            f.segment.set(java.lang.foreign.ValueLayout.JAVA_INT, at + abi.offset("layout_version"), 1);
            f.segment.set(java.lang.foreign.ValueLayout.JAVA_INT, at + abi.offset("pid_ns"), 0);
            String path = f.path.toString();
            Process holder = Processes.c("hold", path);
            awaitLocked(holder, "C", 0);
            int word = f.segment.get(java.lang.foreign.ValueLayout.JAVA_INT, at + abi.offset("lock"));
            assertEquals(holder.pid(), word, "a version-1 lock word is the bare pid");
            assertEquals(0, f.segment.get(java.lang.foreign.ValueLayout.JAVA_INT, at + abi.offset("owner_start")));
            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            try (Guard g = f.mutex().lock()) {
                assertTrue(g.ownerDied());
                assertEquals(ProcessHandle.current().pid(), f.segment.get(java.lang.foreign.ValueLayout.JAVA_INT, at + abi.offset("lock"))
                        & ~org.abilayout.mutex.abi.Constants.SHARED_MUTEX_WAITERS, "this process took it over, by its bare pid too");
                g.markConsistent();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aCProcessCannotUnlockAMutexThisProcessHolds() {
        try (TestFile f = TestFile.initialized("foreign")) {
            SharedMutex m = f.mutex();
            try (Guard g = m.lock()) {
                Process p = Processes.c("unlock-foreign", f.path.toString());
                String out = Processes.finish(p, 20, "unlock-foreign");
                assertEquals("EPERM", out.strip());
                assertTrue(m.isHeldByCurrentThread());
            }
        }
    }

    private static void awaitLocked(Process holder, String kind, int round) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                return "read failed: " + e;
            }
        });
        try {
            String l = line.get(20, TimeUnit.SECONDS);
            if (!"LOCKED".equals(l)) fail("round " + round + ": the " + kind + " holder said " + l);
        } catch (Exception e) {
            holder.destroyForcibly();
            fail("round " + round + ": the " + kind + " holder did not lock within 20 s", e);
        }
    }
}
