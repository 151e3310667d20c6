package org.abilayout.mutex.sys;

import java.util.concurrent.locks.LockSupport;

/**
 * The portable fallback where no futex is available (not Linux, or an architecture whose syscall
 * number is not known, or {@code -Dabilayout.mutex.polling=true}): a short spin, then parking with
 * an exponential backoff from 1 µs to 1 ms, re-reading the word each time. {@link #wake} has
 * nothing to do. Correct, since sleepers poll, but a hand-off costs up to the current backoff, and
 * C processes sleeping in futex on the same word are only woken by their own periodic re-check.
 * Liveness comes from {@link ProcessHandle}.
 */
final class PollingWaiter implements Waiter {
    private static final int SPINS = 100;
    private static final long MAX_PARK = 1_000_000L;

    @Override
    public boolean await(Word word, int expected, long nanos) {
        long deadline = nanos < 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        for (int i = 0; i < SPINS; i++) {
            if (word.getVolatile() != expected) return true;
            Thread.onSpinWait();
        }
        long park = 1_000L;
        while (word.getVolatile() == expected) {
            long left = deadline == Long.MAX_VALUE ? park : deadline - System.nanoTime();
            if (left <= 0) return false;
            LockSupport.parkNanos(Math.min(park, left));
            park = Math.min(park * 2, MAX_PARK);
        }
        return true;
    }

    @Override
    public void wake(Word word, int count) {
        // sleepers poll
    }

    @Override
    public boolean exists(int pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
