package org.abilayout.mutex;

import java.time.Duration;
import java.time.Instant;

/**
 * When a blocking operation must end, on {@link System#nanoTime()}: never, now (try once), or at
 * a point. An {@link Instant} is turned into such a point once, when the call starts, so a wall
 * clock set afterwards does not move it.
 *
 * @param atNanos the {@code System.nanoTime()} value at which the deadline passes
 * @param bounded false for "never"
 */
record Deadline(long atNanos, boolean bounded) {
    static final Deadline FOREVER = new Deadline(0, false);

    /** Already passed: the operation tries once. */
    static Deadline now() {
        return new Deadline(System.nanoTime(), true);
    }

    /** {@code timeout} from now; zero or negative is {@link #now()}. */
    static Deadline after(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) return now();
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            return FOREVER; // beyond 292 years
        }
        long now = System.nanoTime();
        long at = now + nanos;
        return at < now ? FOREVER : new Deadline(at, true);
    }

    /** At the wall-clock instant {@code deadline}, as read now. */
    static Deadline at(Instant deadline) {
        Instant now = Instant.now();
        return deadline.isAfter(now) ? after(Duration.between(now, deadline)) : now();
    }

    /** Nanoseconds left; {@link Long#MAX_VALUE} when unbounded, zero or less once passed. */
    long leftNanos() {
        return bounded ? atNanos - System.nanoTime() : Long.MAX_VALUE;
    }
}
