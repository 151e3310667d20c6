package org.abilayout.abitests.cheader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.GccToolchain;
import org.abilayout.arch.RecordAbi;
import org.abilayout.arch.Target;
import org.abilayout.testsupport.ProcessResult;
import org.abilayout.testsupport.ProcessRunner;
import org.abilayout.testsupport.Tools;

/**
 * Runs the reference compiler of a catalogue target on a C or C++ file: clang-19 with
 * {@code -target NAME}, or the platform's GCC cross compiler (and {@code -g++}) where GCC is the
 * reference. Freestanding, so no target libc is needed: the compilers bring their own
 * {@code <stdint.h>} and {@code <stddef.h>}. A missing compiler skips the test (fails it under
 * {@code ABILAYOUT_REQUIRE_TOOLS=1}), naming the Debian package that provides it.
 */
final class Compiler {
    private Compiler() {}

    enum Language { C11, CXX17 }

    /** What a compiler said; {@code ok()} when it exited 0. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * The warning set every generated header must pass, with two clang-only exemptions:
     * <ul>
     *   <li>in C++, clang reports flexible array members (C99; a C++ extension with the C layout)
     *       under {@code -Wc99-extensions} even though the header marks them {@code __extension__},
     *       which satisfies GCC (and clang for anonymous structs, which need no exemption);
     *   <li>on ARM, clang's {@code -Wunaligned-access} reports a @packed struct that holds a
     *       more-aligned struct member: the unaligned access is what the spec asked for, and the
     *       header should not hide that hazard from its users, so the proof tolerates it.
     * </ul>
     */
    static List<String> warnings(Language language, boolean gcc) {
        List<String> w = new ArrayList<>(List.of("-Wall", "-Wextra", "-Wpadded", "-pedantic", "-Werror"));
        if (!gcc) w.add("-Wno-unaligned-access");
        if (language == Language.CXX17 && !gcc) w.add("-Wno-c99-extensions");
        return w;
    }

    /** The reference compiler of {@code target} for {@code language}: clang-19, or the platform's gcc or g++. */
    static DebianTool tool(Target target, Language language) {
        if (target.reference() == Target.Reference.CLANG) return target.referenceCompiler();
        GccToolchain gcc = target.gcc().orElseThrow();
        return language == Language.C11 ? gcc.cc() : gcc.cxx();
    }

    static Result syntaxCheck(Target target, Language language, Path file, List<String> extra) {
        DebianTool tool = tool(target, language);
        boolean gcc = target.reference() == Target.Reference.GCC;
        Tools.require(tool);
        List<String> cmd = new ArrayList<>(List.of(tool.executable()));
        if (!gcc) cmd.addAll(List.of("-target", target.name()));
        cmd.addAll(List.of("-ffreestanding", "-fsyntax-only"));
        cmd.addAll(language == Language.C11 ? List.of("-x", "c", "-std=c11") : List.of("-x", "c++", "-std=c++17"));
        if (target.recordAbi() == RecordAbi.MSVC) cmd.addAll(List.of("-fms-extensions", "-fms-compatibility"));
        cmd.addAll(warnings(language, gcc));
        cmd.addAll(extra);
        cmd.add(file.toString());
        return run(cmd, file.getParent());
    }

    /** Runs a compiler (or a program it built) in {@code dir}: exit code and merged output, within a minute. */
    static Result run(List<String> cmd, Path dir) {
        ProcessResult r = ProcessRunner.of(cmd).in(dir).mergeErrors().timeout(Duration.ofSeconds(60)).run();
        return new Result(r.exitCode(), r.stdout());
    }
}
