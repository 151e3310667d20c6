package org.abilayout.mutex.sys;

import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_PID_MASK;
import static org.abilayout.mutex.abi.Constants.SHARED_MUTEX_OWNER_TAG_SHIFT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process as a lock word names it: its pid, and its start time from {@code /proc/self/stat}
 * as a 9-bit tag (in the word) and a 32-bit start word (in {@code owner_start}), so that a process
 * that later gets the same pid is not taken for it. Computed once: a JVM does not fork. The C
 * twin is {@code sm_self} in shared_mutex_sys.c.
 *
 * @param pid the pid in this process's pid namespace
 * @param tag 1 + start ticks mod 511, or 0 when {@code /proc} could not tell
 * @param start the low 32 bits of the start ticks (1 where they are 0), or 0 when unknown
 * @param pidNamespace the inode of {@code /proc/self/ns/pid}, or 0 when unknown
 * @param procUsable whether {@code /proc} shows this pid namespace, so that other processes'
 *     stat files can be read by the pids the lock words hold
 */
public record ProcessIdentity(int pid, int tag, int start, int pidNamespace, boolean procUsable) {

    /** The identity of this JVM, read once. */
    public static ProcessIdentity current() {
        return Holder.CURRENT;
    }

    /** The version-2 owner word: pid and tag. */
    public int word() {
        return pid | tag << SHARED_MUTEX_OWNER_TAG_SHIFT;
    }

    /** The word this process writes into a lock word of an instance of {@code layoutVersion} (1: the bare pid). */
    public int ownerWord(int layoutVersion) {
        return layoutVersion >= 2 ? word() : pid;
    }

    public static int tagOf(long startTicks) {
        return (int) (1 + Long.remainderUnsigned(startTicks, 511));
    }

    public static int startWord(long startTicks) {
        int w = (int) startTicks;
        return w == 0 ? 1 : w;
    }

    static ProcessIdentity read() {
        long pid = ProcessHandle.current().pid();
        if (pid <= 0 || pid > SHARED_MUTEX_OWNER_PID_MASK) {
            throw new IllegalStateException("pid " + pid + " does not fit the lock word");
        }
        int tag = 0;
        int start = 0;
        boolean procUsable = false;
        try {
            Optional<ProcStat> self = ProcStat.read(Path.of("/proc/self/stat"));
            // a /proc of another pid namespace names this process by another pid: trust nothing in it
            if (self.isPresent() && self.get().pid() == pid) {
                procUsable = true;
                tag = tagOf(self.get().startTicks());
                start = startWord(self.get().startTicks());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: owners are judged by their pid alone
        }
        return new ProcessIdentity((int) pid, tag, start, readPidNamespace(), procUsable);
    }

    private static int readPidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
            int open = link.indexOf('[');
            int close = link.indexOf(']');
            return open < 0 || close < open ? 0 : (int) Long.parseLong(link.substring(open + 1, close));
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return 0;
        }
    }

    private static final class Holder {
        static final ProcessIdentity CURRENT = read();
    }
}
