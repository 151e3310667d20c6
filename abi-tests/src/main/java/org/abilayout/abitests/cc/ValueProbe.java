package org.abilayout.abitests.cc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abilayout.arch.Target;
import org.abilayout.testsupport.ProcessResult;

/**
 * Asks a compiler for the values of integer constant expressions on a target: each becomes a
 * {@code const unsigned int} whose initializer is read back from clang's LLVM IR or GCC's
 * assembly. Used to say what the compiler thinks when a check fails, and by the edge-case tests.
 */
public final class ValueProbe {
    private static final Pattern LLVM = Pattern.compile("^@abiv_(\\d+) = .*?constant i32 (-?\\d+)", Pattern.MULTILINE);
    private static final Pattern ASM = Pattern.compile(
            "^abiv_(\\d+):\\s*\\n\\s*(?:\\.(?:long|word|4byte)\\s+(-?\\d+)|\\.(?:zero|space)\\s+4)", Pattern.MULTILINE);

    private ValueProbe() {}

    /**
     * The values of {@code exprs}, in order, after {@code declarations} (a C prelude and
     * declarations in the compiler's dialect). Fails if the compiler rejects the file.
     */
    public static List<Long> values(Compiler cc, Target target, String declarations, List<String> exprs, Path file) {
        List<OptionalLong> v = tryValues(cc, target, declarations, exprs, file);
        List<Long> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isEmpty()) throw new IllegalStateException("no value for " + exprs.get(i) + " in " + file);
            out.add(v.get(i).getAsLong());
        }
        return out;
    }

    static List<OptionalLong> tryValues(Compiler cc, Target target, String declarations, List<String> exprs, Path file) {
        StringBuilder src = new StringBuilder(declarations).append('\n');
        for (int i = 0; i < exprs.size(); i++) {
            src.append("const unsigned int abiv_").append(i).append(" = (unsigned int)(").append(exprs.get(i)).append(");\n");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessResult run = Compiler.run(cc.toText(target, file), file);
        if (run.exitCode() != 0) {
            throw new IllegalStateException(cc + " rejected " + file + " for " + target.name() + ":\n" + run.stderr());
        }
        OptionalLong[] values = new OptionalLong[exprs.size()];
        java.util.Arrays.fill(values, OptionalLong.empty());
        Matcher m = (cc.isClang() ? LLVM : ASM).matcher(run.stdout());
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < values.length) values[i] = OptionalLong.of(m.group(2) == null ? 0 : Long.parseLong(m.group(2)) & 0xffff_ffffL);
        }
        return List.of(values);
    }
}
