package org.abilayout.abitests.cc;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.arch.Target;

/**
 * A C compiler that can answer layout questions for a target: clang-19 for every target (by
 * {@code -target}), and GCC's m68k cross compiler, the reference for m68k-linux-gnu. Both run
 * freestanding, so no target libc is needed.
 */
public enum Compiler {
    CLANG("clang-19", "clang-19", Dialect.CLANG),
    M68K_GCC("m68k-linux-gnu-gcc", "gcc-m68k-linux-gnu", Dialect.GCC);

    private final String executable;
    private final String debianPackage;
    private final Dialect dialect;

    Compiler(String executable, String debianPackage, Dialect dialect) {
        this.executable = executable;
        this.debianPackage = debianPackage;
        this.dialect = dialect;
    }

    /** The compiler whose answers are the truth for {@code target} (the catalogue's {@code reference()}). */
    public static Compiler reference(Target target) {
        return switch (target.reference()) {
            case CLANG -> CLANG;
            case GCC -> {
                if (!target.cpu().equals("m68k")) {
                    throw new IllegalStateException("no GCC cross compiler known for " + target.name());
                }
                yield M68K_GCC;
            }
        };
    }

    public Dialect dialect() {
        return dialect;
    }

    public String executable() {
        return executable;
    }

    /**
     * The executable's path; a missing compiler is a failure (never a skip) that names the
     * Debian package to install.
     */
    public Path require() {
        return require(System.getenv("PATH"));
    }

    /** As {@link #require()}, searching the given {@code PATH}-style list of directories. */
    public Path require(String path) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, executable);
                if (Files.isExecutable(p)) return p;
            }
        }
        throw new IllegalStateException(executable + " is not on PATH: the differential tests need it; install the "
                + "Debian package " + debianPackage + " (apt-get install " + debianPackage + ")");
    }

    /** Arguments to type-check {@code file} for {@code target} (every error reported, no warnings). */
    List<String> syntaxOnly(Target target, Path file) {
        List<String> cmd = base(target);
        cmd.add("-fsyntax-only");
        cmd.add(file.toString());
        return cmd;
    }

    /** Arguments to compile {@code file} to text on stdout: LLVM IR for clang, assembly for GCC. */
    List<String> toText(Target target, Path file) {
        List<String> cmd = base(target);
        cmd.add("-S");
        if (this == CLANG) cmd.add("-emit-llvm");
        cmd.addAll(List.of("-o", "-", file.toString()));
        return cmd;
    }

    private List<String> base(Target target) {
        List<String> cmd = new ArrayList<>();
        cmd.add(require().toString());
        if (this == CLANG) {
            // C23 for `enum e : T`; clang stops at 20 errors unless told otherwise
            cmd.addAll(List.of("-target", target.name(), "-std=c2x", "-ferror-limit=0"));
        } else {
            cmd.add("-std=c11");
        }
        cmd.addAll(List.of("-ffreestanding", "-w"));
        return cmd;
    }

    @Override
    public String toString() {
        return executable;
    }
}
