package org.abilayout.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code abilayout} executable: UTF-8 output whatever the locale, the exit code of {@link Cli}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = utf8(FileDescriptor.out);
        PrintWriter err = utf8(FileDescriptor.err);
        int code = new Cli(SpecSource.READER, System.getenv()).run(args, out, err);
        System.exit(code);
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        // buffered: `layout --format json` on a large spec streams over 100 MB
        return new PrintWriter(new java.io.BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16));
    }
}
