package org.abilayout.mutex.sys;

import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_PID_MASK;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_TAG_MASK;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_TAG_SHIFT;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_WAITERS;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the owner a lock word names may still be alive; the C twin is {@code sm_owner_alive}.
 * The cheap question is whether a process has the owner's pid; the thorough one also reads its
 * {@code /proc/PID/stat}: a zombie is dead, and so is a process whose start time does not match
 * the owner's tag (in the word) or start word ({@code owner_start}): it reused a dead owner's pid.
 */
public final class Liveness {
    private Liveness() {}

    /**
     * @param waiter asks whether a pid exists ({@code kill(pid, 0)} or {@link ProcessHandle})
     * @param self this process
     * @param word the lock word ({@code WAITERS} is ignored)
     * @param start {@code owner_start} read after {@code word} (0: unknown)
     * @param thorough read {@code /proc} too
     */
    public static boolean ownerAlive(Waiter waiter, ProcessIdentity self, int word, int start, boolean thorough) {
        word &= ~SHARED_MUTEX_WAITERS;
        int pid = word & SHARED_MUTEX_OWNER_PID_MASK;
        int tag = (word & SHARED_MUTEX_OWNER_TAG_MASK) >>> SHARED_MUTEX_OWNER_TAG_SHIFT;
        if (pid == 0) return false;
        if (pid == self.pid()) {
            // our pid, but another process's tag or start time: a dead owner whose pid we reused
            if (tag != 0 && self.tag() != 0 && tag != self.tag()) return false;
            return start == 0 || self.start() == 0 || start == self.start();
        }
        if (!waiter.exists(pid)) return false;
        if (!thorough || !self.procUsable()) return true;
        Optional<ProcStat> stat;
        try {
            stat = ProcStat.read(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (IOException e) {
            return true; // cannot tell: alive, as the cheap question said
        }
        if (stat.isEmpty() || stat.get().isDead()) return false;
        long ticks = stat.get().startTicks();
        if (tag != 0 && tag != ProcessIdentity.tagOf(ticks)) return false;
        return tag == 0 || start == 0 || start == ProcessIdentity.startWord(ticks);
    }
}
