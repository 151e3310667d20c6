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
class WaiterTest {

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
    void theCurrentProcessIsAliveAndAReapedChildIsNot(Waiter waiter) throws Exception {
        assertTrue(waiter.isAlive((int) ProcessHandle.current().pid(), true));
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertFalse(waiter.isAlive((int) p.pid(), false));
        assertFalse(waiter.isAlive(0, false), "pid 0 is nobody, not our process group");
    }

    @Test
    void aZombieIsAliveToTheCheapCheckAndDeadToTheThoroughOne() throws Exception {
        if (!FutexWaiter.available()) return;
        Waiter waiter = new FutexWaiter();
        // the shell starts a grandchild, then becomes `sleep 600`, which never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 600").start();
        try {
            int pid = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().strip());
            assertTrue(waiter.isAlive(pid, true));
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waiter.isAlive(pid, true) && System.nanoTime() < deadline) Thread.sleep(10);
            assertFalse(waiter.isAlive(pid, true), "a zombie holds nothing");
            assertTrue(waiter.isAlive(pid, false), "kill(pid, 0) still answers for a zombie");
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
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
