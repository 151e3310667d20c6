package org.abilayout.abitests.cc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.Target;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.ToolLookup;

/**
 * A C compiler that can answer layout questions for a target: clang-19 for every target (by
 * {@code -target}), and the GCC cross compilers the catalogue states for some Linux targets
 * ({@link Target#gcc()}) — the reference where the catalogue says so (m68k, i386, s390x), the
 * platforms' own compilers asked as a second opinion elsewhere. All run freestanding, so no
 * target libc is needed.
 */
public final class Compiler {
    public static final Compiler CLANG = new Compiler(Target.Reference.CLANG_19, true);
    public static final Compiler M68K_GCC = platformGcc(Catalogue.byName("m68k-linux-gnu").orElseThrow()).orElseThrow();

    private final DebianTool tool;
    private final boolean clang;

    private Compiler(DebianTool tool, boolean clang) {
        this.tool = tool;
        this.clang = clang;
    }

    /** The compiler whose answers are the truth for {@code target} (the catalogue's {@code reference()}). */
    public static Compiler reference(Target target) {
        return switch (target.reference()) {
            case CLANG -> CLANG;
            case GCC -> platformGcc(target).orElseThrow();
        };
    }

    /** The platform's own GCC for a Linux target, where the catalogue states one. */
    public static Optional<Compiler> platformGcc(Target target) {
        return target.gcc().map(g -> new Compiler(g.cc(), false));
    }

    /** Every compiler this harness knows for the targets of the standard catalogue. */
    public static List<Compiler> all() {
        List<Compiler> all = new ArrayList<>();
        all.add(CLANG);
        for (Target t : Catalogue.all()) platformGcc(t).ifPresent(all::add);
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
        return tool.executable();
    }

    public String debianPackage() {
        return tool.debianPackage();
    }

    /**
     * The executable's path; when it is missing the calling test is skipped, or fails under
     * {@code ABILAYOUT_REQUIRE_TOOLS=1}, naming the Debian package to install.
     */
    public Path require() {
        return require(ToolLookup.environment());
    }

    /** As {@link #require()}, with the given search path and rule for a missing tool. */
    public Path require(ToolLookup lookup) {
        return lookup.require(tool);
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

    /**
     * Runs a compiler command on {@code input}, its stdout and stderr kept beside it
     * ({@code INPUT.out}, {@code INPUT.err}) for diagnosis. Ten minutes: a batch of thousands of
     * structs takes seconds, a hung compiler is killed.
     */
    static ProcessResult run(List<String> command, Path input) {
        String name = input.getFileName().toString();
        return ProcessRunner.of(command).timeout(Duration.ofMinutes(10))
                .outputTo(input.resolveSibling(name + ".out"), input.resolveSibling(name + ".err")).run();
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
    public boolean equals(Object o) {
        return o instanceof Compiler c && c.tool.equals(tool) && c.clang == clang;
    }

    @Override
    public int hashCode() {
        return tool.hashCode();
    }

    @Override
    public String toString() {
        return executable();
    }
}
