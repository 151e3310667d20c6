package org.abilayout.mutex.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Linux: sleeps in the kernel with {@code syscall(SYS_futex, ...)} through FFM downcalls. Uses the
 * shared {@code FUTEX_WAIT}/{@code FUTEX_WAKE}, never the {@code _PRIVATE} variants: the kernel
 * must key the wait on the physical page, which other processes map at other addresses.
 * A pid exists unless {@code kill(pid, 0)} says {@code ESRCH}.
 */
final class FutexWaiter implements Waiter {
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    private static final int EPERM = 1;
    private static final int ETIMEDOUT = 110;

    private static final OptionalLong SYS_FUTEX = sysFutex(System.getProperty("os.name"), System.getProperty("os.arch"));
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** {@code long syscall(long nr, ...)} as (state, SYS_futex, uaddr, op, val, timeout). */
    private final MethodHandle futexWait;
    /** The same call for FUTEX_WAKE: no timeout, and errno is not needed. */
    private final MethodHandle futexWake;
    /** {@code int kill(pid_t, int)}, capturing errno. */
    private final MethodHandle kill;
    private final long sysFutex = SYS_FUTEX.orElseThrow();

    /** Per thread: a timespec and the errno capture buffer, allocated once. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private record Scratch(MemorySegment timespec, MemorySegment callState) {
        Scratch() {
            this(Arena.ofAuto().allocate(16, 8), Arena.ofAuto().allocate(CALL_STATE));
        }
    }

    FutexWaiter() {
        Linker linker = Linker.nativeLinker();
        MemorySegment syscall = linker.defaultLookup().findOrThrow("syscall");
        // syscall(2) is variadic and reads every argument as a long; pass longs (and a pointer).
        futexWait = linker.downcallHandle(syscall,
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
        futexWake = linker.downcallHandle(syscall,
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
        kill = linker.downcallHandle(linker.defaultLookup().findOrThrow("kill"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.captureCallState("errno"));
    }

    /** Whether this JVM runs on Linux on an architecture whose futex syscall number is known. */
    static boolean available() {
        return SYS_FUTEX.isPresent() && !Boolean.getBoolean("abilayout.mutex.polling");
    }

    /**
     * The number of the futex system call (from each architecture's unistd.h: x86_64 has its own
     * table; aarch64, riscv64 and loongarch64 use the generic one).
     */
    static OptionalLong sysFutex(String osName, String osArch) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) return OptionalLong.empty();
        return switch (osArch) {
            case "amd64", "x86_64" -> OptionalLong.of(202);
            case "aarch64", "riscv64", "loongarch64" -> OptionalLong.of(98);
            case "ppc64", "ppc64le" -> OptionalLong.of(221);
            case "s390x" -> OptionalLong.of(238);
            case null, default -> OptionalLong.empty();
        };
    }

    @Override
    public boolean await(Word word, int expected, long nanos) {
        Scratch s = SCRATCH.get();
        MemorySegment timeout = MemorySegment.NULL;
        if (nanos >= 0) {
            s.timespec.set(JAVA_LONG, 0, nanos / 1_000_000_000L);
            s.timespec.set(JAVA_LONG, 8, nanos % 1_000_000_000L);
            timeout = s.timespec;
        }
        long r;
        try {
            r = (long) futexWait.invokeExact(s.callState, sysFutex, word.address(), (long) FUTEX_WAIT,
                    (long) expected, timeout);
        } catch (Throwable t) {
            throw new IllegalStateException("futex(FUTEX_WAIT) downcall failed", t);
        }
        // EAGAIN (the word already moved) and EINTR are early returns; only ETIMEDOUT means time is up
        return r == 0 || (int) ERRNO.get(s.callState, 0L) != ETIMEDOUT;
    }

    @Override
    public void wake(Word word, int count) {
        try {
            long r = (long) futexWake.invokeExact(sysFutex, word.address(), (long) FUTEX_WAKE, (long) count);
            assert r >= 0 : "FUTEX_WAKE failed";
        } catch (Throwable t) {
            throw new IllegalStateException("futex(FUTEX_WAKE) downcall failed", t);
        }
    }

    @Override
    public boolean exists(int pid) {
        if (pid <= 0) return false; // kill(0, 0) would ask about our own process group
        Scratch s = SCRATCH.get();
        int r;
        try {
            r = (int) kill.invokeExact(s.callState, pid, 0);
        } catch (Throwable t) {
            throw new IllegalStateException("kill(pid, 0) downcall failed", t);
        }
        return r == 0 || (int) ERRNO.get(s.callState, 0L) == EPERM; // EPERM: exists, another user's
    }
}
