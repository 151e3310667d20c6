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
     * The warning set every generated header must pass, with no exemption: where the spec asks
     * for what a compiler warns about on purpose (clang's {@code -Wunaligned-access} for a
     * @packed struct that holds a more-aligned struct on ARM, its {@code -Wc99-extensions} for a
     * flexible array member in C++), the header silences exactly that warning around exactly
     * that record, so users' own code keeps every warning.
     */
    static List<String> warnings(Language language, boolean gcc) {
        return List.of("-Wall", "-Wextra", "-Wpadded", "-pedantic", "-Werror");
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
