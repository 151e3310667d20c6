package org.abilayout.abitests.cc;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.arch.Target;

/**
 * A C compiler that can answer layout questions for a target: clang-19 for every target (by
 * {@code -target}), and GCC 12 cross compilers for some Linux targets — m68k's is the reference
 * there, the others are the platforms' own compilers, asked as a second opinion. All run
 * freestanding, so no target libc is needed.
 */
public final class Compiler {
    public static final Compiler CLANG = new Compiler("clang-19", "clang-19", true);
    public static final Compiler M68K_GCC = gcc("m68k-linux-gnu", "gcc-m68k-linux-gnu");

    /** The Linux platforms' own GCC, by catalogue target (the packages CI installs). */
    private static final Map<String, Compiler> PLATFORM_GCC = new LinkedHashMap<>();

    static {
        PLATFORM_GCC.put("x86_64-linux-gnu", gcc("x86_64-linux-gnu", "gcc"));
        PLATFORM_GCC.put("i386-linux-gnu", gcc("i686-linux-gnu", "gcc-i686-linux-gnu"));
        PLATFORM_GCC.put("aarch64-linux-gnu", gcc("aarch64-linux-gnu", "gcc-aarch64-linux-gnu"));
        PLATFORM_GCC.put("arm-linux-gnueabihf", gcc("arm-linux-gnueabihf", "gcc-arm-linux-gnueabihf"));
        PLATFORM_GCC.put("mips-linux-gnu", gcc("mips-linux-gnu", "gcc-mips-linux-gnu"));
        PLATFORM_GCC.put("powerpc64le-linux-gnu", gcc("powerpc64le-linux-gnu", "gcc-powerpc64le-linux-gnu"));
        PLATFORM_GCC.put("riscv64-linux-gnu", gcc("riscv64-linux-gnu", "gcc-riscv64-linux-gnu"));
        PLATFORM_GCC.put("s390x-linux-gnu", gcc("s390x-linux-gnu", "gcc-s390x-linux-gnu"));
        PLATFORM_GCC.put("m68k-linux-gnu", M68K_GCC);
    }

    private final String executable;
    private final String debianPackage;
    private final boolean clang;

    private Compiler(String executable, String debianPackage, boolean clang) {
        this.executable = executable;
        this.debianPackage = debianPackage;
        this.clang = clang;
    }

    private static Compiler gcc(String triple, String debianPackage) {
        return new Compiler(triple + "-gcc", debianPackage, false);
    }

    /** The compiler whose answers are the truth for {@code target} (the catalogue's {@code reference()}). */
    public static Compiler reference(Target target) {
        return switch (target.reference()) {
            case CLANG -> CLANG;
            case GCC -> platformGcc(target)
                    .orElseThrow(() -> new IllegalStateException("no GCC cross compiler known for " + target.name()));
        };
    }

    /** The platform's own GCC for a Linux target, where one is known. */
    public static Optional<Compiler> platformGcc(Target target) {
        return Optional.ofNullable(PLATFORM_GCC.get(target.name()));
    }

    /** Every compiler this harness knows. */
    public static List<Compiler> all() {
        List<Compiler> all = new ArrayList<>();
        all.add(CLANG);
        all.addAll(PLATFORM_GCC.values());
        return all;
    }

    /** clang-19 takes C23 (fixed-type enums); GCC 12 takes C11 (enums through their underlying type). */
    public Dialect dialect() {
        return clang ? Dialect.CLANG : Dialect.GCC;
    }

    public boolean isClang() {
        return clang;
    }

    public String executable() {
        return executable;
    }

    public String debianPackage() {
        return debianPackage;
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
        if (clang) cmd.add("-emit-llvm");
        cmd.addAll(List.of("-o", "-", file.toString()));
        return cmd;
    }

    private List<String> base(Target target) {
        List<String> cmd = new ArrayList<>();
        cmd.add(require().toString());
        if (clang) {
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
