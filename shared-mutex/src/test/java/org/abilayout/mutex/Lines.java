package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process's output, read line by line on a thread of its own, so that a test can wait
 * for a line with a bound and the child never blocks on a full pipe.
 */
final class Lines {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();
    private final Process process;

    Lines(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = in.readLine()) != null; ) lines.add(l);
            } catch (IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        });
    }

    /** The next line, waiting at most {@code seconds}; fails the test (killing the child) when none comes. */
    String next(long seconds, String what) {
        try {
            String l = lines.poll(seconds, TimeUnit.SECONDS);
            if (l == null) {
                process.destroyForcibly();
                fail(what + ": no line within " + seconds + " s; so far: " + seen);
            }
            seen.append(l).append('\n');
            return l;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for a line equal to {@code expected}, skipping others. */
    void await(String expected, long seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!next(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())), what).equals(expected)) {
            if (System.nanoTime() > deadline) fail(what + ": no '" + expected + "' within " + seconds + " s; got " + seen);
        }
    }

    /** The rest of the output once the child exits, waiting at most {@code seconds} for it. */
    String rest(long seconds, String what) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(what + " did not finish within " + seconds + " s; output so far: " + seen + String.join("\n", lines));
            }
            StringBuilder out = new StringBuilder();
            for (String l; (l = lines.poll(2, TimeUnit.SECONDS)) != null; ) out.append(l).append('\n');
            return out.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
