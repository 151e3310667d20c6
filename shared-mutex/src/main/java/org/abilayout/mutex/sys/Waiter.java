package org.abilayout.mutex.sys;

/**
 * How a thread sleeps until a shared word changes, wakes the sleepers, and tells whether a pid
 * exists. {@link #forHost()} picks the kernel's futex on Linux and a portable spin-then-park poll
 * elsewhere. (Whether an owner lives, zombies and reused pids included, is {@link Liveness}.)
 */
public sealed interface Waiter permits FutexWaiter, PollingWaiter {

    /** A count for {@link #wake} that wakes every sleeper. */
    int ALL = Integer.MAX_VALUE;

    /**
     * Sleeps while {@code word} holds {@code expected}, at most {@code nanos} (forever when
     * negative). May return early (a wake-up, a signal, the word already changed): callers re-check.
     *
     * @return false only when the time ran out
     */
    boolean await(Word word, int expected, long nanos);

    /** Wakes up to {@code count} threads sleeping on {@code word}, in any process. */
    void wake(Word word, int count);

    /** Whether a process with this pid exists (a zombie does, until it is reaped). */
    boolean exists(int pid);

    /** The waiter for this host, chosen once. */
    static Waiter forHost() {
        return Host.WAITER;
    }

    /** Holder idiom: the native lookups happen on first use only. */
    final class Host {
        private Host() {}

        static final Waiter WAITER = FutexWaiter.available() ? new FutexWaiter() : new PollingWaiter();
    }
}
