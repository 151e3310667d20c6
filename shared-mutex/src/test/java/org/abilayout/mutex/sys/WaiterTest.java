package org.abilayout.mutex.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both ways of sleeping on a shared word: the kernel's futex and the portable poll. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public class WaiterTest {

    static List<Waiter> waiters() {
        return FutexWaiter.available() ? List.of(new FutexWaiter(), new PollingWaiter()) : List.of(new PollingWaiter());
    }

    @ParameterizedTest
    @MethodSource("waiters")
    void awaitTimesOutWhileTheWordKeepsItsValue(Waiter waiter) {
        try (Arena arena = Arena.ofConfined()) {
            Word w = new Word(arena.allocate(64, 64), 8);
            long t0 = System.nanoTime();
            assertFalse(waiter.await(w, 0, 50_000_000L));
            assertTrue(System.nanoTime() - t0 >= 45_000_000L);
        }
    }

    @ParameterizedTest
    @MethodSource("waiters")
    void awaitReturnsAtOnceWhenTheWordAlreadyMoved(Waiter waiter) {
        try (Arena arena = Arena.ofConfined()) {
            Word w = new Word(arena.allocate(64, 64), 8);
            w.setVolatile(7);
            assertTrue(waiter.await(w, 6, 5_000_000_000L));
        }
    }

    @ParameterizedTest
    @MethodSource("waiters")
    void aSleeperWakesWhenTheWordChangesAndIsWoken(Waiter waiter) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            Word w = new Word(arena.allocate(64, 64), 8);
            CompletableFuture<Boolean> sleeper = CompletableFuture.supplyAsync(() -> {
                while (w.getVolatile() == 0) waiter.await(w, 0, -1);
                return true;
            });
            Thread.sleep(50);
            w.setVolatile(1);
            waiter.wake(w, Waiter.ALL);
            assertTrue(sleeper.get(10, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @MethodSource("waiters")
    void theCurrentProcessExistsAndAReapedChildDoesNot(Waiter waiter) throws Exception {
        assertTrue(waiter.exists((int) ProcessHandle.current().pid()));
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertFalse(waiter.exists((int) p.pid()));
        assertFalse(waiter.exists(0), "pid 0 is nobody, not our process group");
    }

    @Test
    void aZombieExistsForTheCheapCheckAndIsDeadToTheThoroughOne() throws Exception {
        if (!FutexWaiter.available()) return;
        Waiter waiter = new FutexWaiter();
        ProcessIdentity self = ProcessIdentity.current();
        // the shell starts a grandchild, then becomes `sleep 600`, which never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 600").start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream()));
            int pid = Integer.parseInt(CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine().strip();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS));
            awaitExec(parent.pid(), "sleep"); // until then the shell might still reap its child
            assertTrue(Liveness.ownerAlive(waiter, self, pid, 0, true));
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Liveness.ownerAlive(waiter, self, pid, 0, true) && System.nanoTime() < deadline) Thread.sleep(10);
            assertFalse(Liveness.ownerAlive(waiter, self, pid, 0, true), "a zombie holds nothing");
            assertTrue(waiter.exists(pid), "kill(pid, 0) still answers for a zombie");
            assertTrue(Liveness.ownerAlive(waiter, self, pid, 0, false), "the cheap question cannot tell");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until process {@code pid} runs {@code command} (its /proc comm). */
    public static void awaitExec(long pid, String command) throws Exception {
        java.nio.file.Path comm = java.nio.file.Path.of("/proc", Long.toString(pid), "comm");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!java.nio.file.Files.readString(comm).strip().equals(command)) {
            if (System.nanoTime() > until) throw new AssertionError("process " + pid + " did not exec " + command);
            Thread.sleep(5);
        }
    }

    @Test
    void aLiveProcessWithAnotherStartTimeIsNotTheOwner() throws Exception {
        Waiter waiter = Waiter.forHost();
        ProcessIdentity self = ProcessIdentity.current();
        if (!self.procUsable()) return;
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            int pid = (int) p.pid();
            long ticks = ProcStat.read(java.nio.file.Path.of("/proc", Integer.toString(pid), "stat")).orElseThrow().startTicks();
            int tag = ProcessIdentity.tagOf(ticks);
            int word = pid | tag << org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_TAG_SHIFT;
            assertTrue(Liveness.ownerAlive(waiter, self, word, ProcessIdentity.startWord(ticks), true), "the real owner");
            assertTrue(Liveness.ownerAlive(waiter, self, word, 0, true), "start not yet written: the tag decides");
            int otherTag = tag % 511 + 1;
            int imposter = pid | otherTag << org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_TAG_SHIFT;
            assertFalse(Liveness.ownerAlive(waiter, self, imposter, 0, true), "another tag: another process");
            assertFalse(Liveness.ownerAlive(waiter, self, word, ProcessIdentity.startWord(ticks) + 511, true),
                    "same tag, another start: another process");
            assertTrue(Liveness.ownerAlive(waiter, self, imposter, 0, false), "the cheap question does not read /proc");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void procStatSkipsCommandNamesWithSpacesAndParentheses() throws Exception {
        ProcStat s = ProcStat.parse("42 (a (b) c) Z 1 42 42 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 123456 0 0");
        assertEquals(42, s.pid());
        assertEquals('Z', s.state());
        assertEquals(123456, s.startTicks());
        assertTrue(s.isDead());
    }

    @Test
    void futexSyscallNumbersFollowEachArchitecturesTable() {
        assertEquals(OptionalLong.of(202), FutexWaiter.sysFutex("Linux", "amd64"));
        assertEquals(OptionalLong.of(98), FutexWaiter.sysFutex("Linux", "aarch64"));
        assertEquals(OptionalLong.of(98), FutexWaiter.sysFutex("Linux", "riscv64"));
        assertEquals(OptionalLong.of(221), FutexWaiter.sysFutex("Linux", "ppc64le"));
        assertEquals(OptionalLong.of(238), FutexWaiter.sysFutex("Linux", "s390x"));
        assertEquals(OptionalLong.empty(), FutexWaiter.sysFutex("Linux", "mips"));
        assertEquals(OptionalLong.empty(), FutexWaiter.sysFutex("Mac OS X", "aarch64"));
    }
}
