package org.abilayout.mutex.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc/PID/stat} says of a process: its pid as that {@code /proc} numbers it, its
 * state letter ({@code Z} for a zombie) and its start time in clock ticks since boot (field 22).
 *
 * @param pid field 1
 * @param state field 3
 * @param startTicks field 22
 */
public record ProcStat(long pid, char state, long startTicks) {

    /** Whether the process has ended (a zombie, dead but not reaped, holds nothing any more). */
    public boolean isDead() {
        return state == 'Z' || state == 'X';
    }

    /**
     * Reads {@code file} ({@code /proc/PID/stat} or {@code /proc/self/stat}).
     *
     * @return empty when the process does not exist (any more)
     * @throws IOException when {@code /proc} cannot be read or the file cannot be parsed
     */
    public static Optional<ProcStat> read(Path file) throws IOException {
        String stat;
        try {
            stat = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(stat));
    }

    /** Parses the text of a stat file (the command name may contain spaces and parentheses). */
    static ProcStat parse(String stat) throws IOException {
        int open = stat.indexOf(' ');
        int close = stat.lastIndexOf(')');
        if (open <= 0 || close < 0 || close + 2 >= stat.length()) throw new IOException("unreadable stat: " + stat);
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // fields[0] is field 3 (the state), so field 22 is fields[19]
        if (fields.length < 20) throw new IOException("short stat: " + stat);
        try {
            return new ProcStat(Long.parseLong(stat.substring(0, open)), fields[0].charAt(0), Long.parseLong(fields[19]));
        } catch (NumberFormatException e) {
            throw new IOException("unreadable stat: " + stat, e);
        }
    }
}
