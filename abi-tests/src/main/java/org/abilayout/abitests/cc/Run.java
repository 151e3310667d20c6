package org.abilayout.abitests.cc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One compiler process, its stdout and stderr kept in files beside the input for diagnosis. */
record Run(int exitCode, String stdout, String stderr) {
    private static final long TIMEOUT_MINUTES = 10;

    static Run of(List<String> command, Path input) {
        Path out = input.resolveSibling(input.getFileName() + ".out");
        Path err = input.resolveSibling(input.getFileName() + ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT_MINUTES + " min: " + String.join(" ", command));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
