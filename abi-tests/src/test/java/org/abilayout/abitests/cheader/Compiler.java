package org.abilayout.abitests.cheader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abilayout.arch.RecordAbi;
import org.abilayout.arch.Target;

/**
 * Runs the reference compiler of a catalogue target on a C or C++ file: clang-19 with
 * {@code -target NAME}, or the platform's GCC cross compiler (and {@code -g++}) where GCC is the
 * reference. Freestanding, so no target libc is needed: the compilers bring their own
 * {@code <stdint.h>} and {@code <stddef.h>}. A missing compiler fails the test, naming the
 * Debian package that provides it.
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

    /** The Debian cross-compiler triple of a target whose reference is its platform GCC. */
    static String gccTriple(Target target) {
        return switch (target.name()) {
            case "i386-linux-gnu" -> "i686-linux-gnu";
            default -> target.name();
        };
    }

    static Result syntaxCheck(Target target, Language language, Path file, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        boolean gcc = target.reference() == Target.Reference.GCC;
        if (gcc) {
            String triple = gccTriple(target);
            String tool = triple + (language == Language.C11 ? "-gcc" : "-g++");
            require(tool, (language == Language.C11 ? "gcc-" : "g++-") + triple);
            cmd.add(tool);
        } else {
            require("clang-19", "clang-19");
            cmd.addAll(List.of("clang-19", "-target", target.name()));
        }
        cmd.addAll(List.of("-ffreestanding", "-fsyntax-only"));
        cmd.addAll(language == Language.C11 ? List.of("-x", "c", "-std=c11") : List.of("-x", "c++", "-std=c++17"));
        if (target.recordAbi() == RecordAbi.MSVC) cmd.addAll(List.of("-fms-extensions", "-fms-compatibility"));
        cmd.addAll(warnings(language, gcc));
        cmd.addAll(extra);
        cmd.add(file.toString());
        return run(cmd, file.getParent());
    }

    static Result run(List<String> cmd, Path dir) {
        org.abilayout.abitests.Processes.Result r = org.abilayout.abitests.Processes.run(cmd, dir, 60);
        return new Result(r.exitCode(), r.output());
    }

    static void require(String tool, String debianPackage) {
        org.abilayout.abitests.Processes.require(tool, debianPackage);
    }

    static boolean onPath(String tool) {
        return org.abilayout.abitests.Processes.onPath(tool);
    }
}
