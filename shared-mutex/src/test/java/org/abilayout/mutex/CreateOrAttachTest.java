package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abilayout.mutex.abi.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create-or-attach of a region by many processes at once, Java and C, with creators that die. */
class CreateOrAttachTest {
    private static final int MUTEXES = 1;
    private static final int CONDITIONS = 2;
    private static final int ROUNDS = 2_000;
    private static final RegionLayout LAYOUT = RegionLayout.of(MUTEXES, CONDITIONS, ChildProcess.DATA_SIZE, 8);

    private static Path newRegionFile(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("shared.mutex.build", "target"), "shm"));
        Path p = Files.createTempFile(dir, name, ".region");
        Files.delete(p); // create-or-attach creates it
        return p;
    }

    private static Process region(boolean java, Path file, long timeoutMs, int rounds, String... more) {
        List<String> args = new ArrayList<>(List.of("region", file.toString(), Integer.toString(MUTEXES),
                Integer.toString(CONDITIONS), Long.toString(timeoutMs), Integer.toString(rounds)));
        args.addAll(List.of(more));
        String[] a = args.toArray(String[]::new);
        return java ? Processes.java(a) : Processes.c(a);
    }

    /** The init_lock word of the region's header: a waiter sets WAITERS on it. */
    private static int initLockWord(Path file) throws IOException {
        byte[] header = Files.readAllBytes(file);
        long at = org.abilayout.mutex.abi.SharedRegion.Host.layout().byteOffset(
                java.lang.foreign.MemoryLayout.PathElement.groupElement("init_lock"))
                + org.abilayout.mutex.abi.SharedMutex.Host.layout().byteOffset(
                        java.lang.foreign.MemoryLayout.PathElement.groupElement("lock"));
        return header.length < at + 4 ? 0 : java.lang.foreign.MemorySegment.ofArray(header).get(ValueLayout.JAVA_INT_UNALIGNED, at);
    }

    @ParameterizedTest(name = "the killed creator is a {0} process")
    @ValueSource(strings = {"C", "Java"})
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void eightProcessesOfBothLanguagesOneKilledWhileInitialisingInitialiseOnce(String creator) throws Exception {
        Path file = newRegionFile("killed-creator");
        Process dying = region(creator.equals("Java"), file, 60_000, 0, "hang");
        new Lines(dying).await("INITIALISING", 30, "the creator that will die");
        List<Process> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) others.add(region(i % 2 == (creator.equals("Java") ? 0 : 1), file, 60_000, ROUNDS));
        // kill the creator only once someone waits for it (has set WAITERS on init_lock)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((initLockWord(file) & Constants.SHARED_MUTEX_WAITERS) == 0) {
            if (System.nanoTime() > until) fail("nobody waited for the creator within 60 s");
            Thread.sleep(5);
        }
        dying.destroyForcibly();
        assertTrue(dying.waitFor(10, TimeUnit.SECONDS));
        List<String> out = Processes.finishAll(others, 120, "create-or-attach process");
        assertEquals(1, out.stream().filter(l -> l.startsWith("created marker")).count(), "exactly one initialised: " + out);
        assertEquals(6, out.stream().filter(l -> l.startsWith("attached marker")).count(), "the rest attached: " + out);
        String initialiser = out.stream().filter(l -> l.startsWith("created")).findFirst().orElseThrow().split(" ")[2];
        assertNotEquals(Long.toString(dying.pid()), initialiser);
        for (String l : out) assertEquals(initialiser, l.split(" ")[2], "every process saw the same initialisation: " + out);
        try (SharedRegion r = SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(10))) {
            assertTrue(!r.created());
            assertEquals(7L * ROUNDS, r.data().get(ValueLayout.JAVA_LONG, ChildProcess.COUNTER), "mutex 0 kept the count exact");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightProcessesRacingOnANewFileInitialiseItOnce() throws Exception {
        Path file = newRegionFile("race");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 8; i++) ps.add(region(i % 2 == 0, file, 60_000, ROUNDS));
        List<String> out = Processes.finishAll(ps, 100, "create-or-attach process");
        assertEquals(1, out.stream().filter(l -> l.startsWith("created marker")).count(), out.toString());
        assertEquals(7, out.stream().filter(l -> l.startsWith("attached marker")).count(), out.toString());
        try (SharedRegion r = SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(10))) {
            assertEquals(8L * ROUNDS, r.data().get(ValueLayout.JAVA_LONG, ChildProcess.COUNTER));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void waitingForALiveCreatorIsBounded() throws Exception {
        Path file = newRegionFile("slow-creator");
        Process slow = region(false, file, 60_000, 0, "hang");
        try {
            new Lines(slow).await("INITIALISING", 30, "the slow creator");
            DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
                    () -> SharedRegion.createOrAttach(file, LAYOUT, Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("process " + slow.pid()), e.getMessage());
            assertEquals("ETIMEDOUT", Processes.finish(region(false, file, 300, 0), 30, "C attacher").strip());
        } finally {
            slow.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRegionOfAnotherLayoutIsRefused() throws Exception {
        Path file = newRegionFile("other-layout");
        try (SharedRegion r = SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(5))) {
            assertTrue(r.created());
            var e = assertThrows(IncompatibleLayoutException.class,
                    () -> SharedRegion.createOrAttach(file, RegionLayout.of(2, 2, 24, 8), Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("asked for"), e.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aFileHoldingSomethingElseIsRefusedAndLeftAlone() throws Exception {
        Path file = newRegionFile("garbage");
        byte[] garbage = new byte[4096];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);
        try {
            assertThrows(IncompatibleLayoutException.class, () -> SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(5)));
            assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(file)), "create-or-attach wrote to a file it refused");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aThrowingDataInitialiserLeavesTheRegionToTheNextCaller() throws Exception {
        Path file = newRegionFile("throwing-init");
        try {
            assertThrows(IllegalStateException.class, () -> SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(5),
                    data -> { throw new IllegalStateException("cannot initialise"); }));
            try (SharedRegion r = SharedRegion.createOrAttach(file, LAYOUT, Duration.ofSeconds(5))) {
                assertTrue(r.created(), "the next caller initialised it");
                try (Guard g = r.mutex(0).lock()) {
                    assertTrue(g.isHeld());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
