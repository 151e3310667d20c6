package org.abilayout.codegen;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one writer of output files, shared by the command line and the Maven plugin: generated
 * headers and classes, reports, locks. A set of files is written all or nothing, as far as a
 * file system allows: every file is first written in full beside its destination under a
 * temporary name, and only when all are written are they moved into place (atomically where the
 * file system can), so a failure leaves no partial output behind and a reader never sees half a
 * file. A file that already holds exactly the new text is left alone, so its timestamp moves only
 * on a real change (incremental builds rely on that). A replaced file keeps its permissions; a
 * new one gets the default permissions of the process (its umask), as any other tool's output.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** One file of a set: where it went, and whether its content changed. */
    public record Written(Path path, boolean changed) {}

    /** Writes every file under {@code dir}; returns them in order. */
    public static List<Written> write(Path dir, List<GeneratedFile> files) throws IOException {
        List<Path> destinations = new ArrayList<>(files.size());
        List<Path> temps = new ArrayList<>(files.size());
        List<Written> out = new ArrayList<>(files.size());
        try {
            for (GeneratedFile f : files) {
                Path dest = dir.resolve(f.path());
                byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                if (Files.isRegularFile(dest) && Arrays.equals(Files.readAllBytes(dest), bytes)) {
                    out.add(new Written(dest, false));
                    continue;
                }
                Files.createDirectories(dest.toAbsolutePath().getParent());
                Path tmp = stage(dest, bytes);
                temps.add(tmp);
                destinations.add(dest);
                out.add(new Written(dest, true));
            }
            for (int i = 0; i < temps.size(); i++) {
                try {
                    Files.move(temps.get(i), destinations.get(i), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temps.get(i), destinations.get(i), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return out;
        } finally {
            for (Path tmp : temps) Files.deleteIfExists(tmp);
        }
    }

    /** Writes one file; whether its content changed. */
    public static boolean write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return write(dir, List.of(new GeneratedFile(file.getFileName().toString(), content))).getFirst().changed();
    }

    /**
     * The bytes in a new file beside {@code dest}, created as a plain new file would be (so the
     * umask applies, unlike {@code Files.createTempFile}, which makes it private), with the
     * permissions of the file it will replace, if any.
     */
    private static Path stage(Path dest, byte[] bytes) throws IOException {
        Path dir = dest.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + dest.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                o.write(bytes);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 100) continue;
                throw e;
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            try {
                if (Files.isRegularFile(dest)) {
                    PosixFileAttributeView view = Files.getFileAttributeView(dest, PosixFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (view != null) Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
                }
            } catch (IOException | UnsupportedOperationException e) {
                Files.deleteIfExists(tmp);
                throw e instanceof IOException io ? io : new IOException(e);
            }
            return tmp;
        }
    }
}
