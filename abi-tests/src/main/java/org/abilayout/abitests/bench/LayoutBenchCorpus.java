package org.abilayout.abitests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.abilayout.abitests.gen.SpecGenerator;
import org.abilayout.abitests.render.DeclarationWriter;
import org.abilayout.abitests.render.Dialect;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * Writes the corpus of {@code bench/layout-vs-clang.sh}: the same N random structs as a spec
 * ({@code bench.layout}) and as C ({@code bench.c}, with a {@code sizeof} assertion per struct
 * so the compiler has to lay every one out).
 *
 * <p>Usage: {@code LayoutBenchCorpus COUNT SEED OUTDIR}
 */
public final class LayoutBenchCorpus {
    private LayoutBenchCorpus() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Spec spec = new SpecGenerator(seed).generate("bench", count);
        Files.writeString(out.resolve("bench.layout"), new DeclarationWriter(Dialect.SPEC).write(spec), StandardCharsets.UTF_8);
        StringBuilder c = new StringBuilder(new DeclarationWriter(Dialect.CLANG).write(spec));
        for (RecordDecl r : spec.records()) {
            c.append("_Static_assert(sizeof(").append(r.cName()).append(") > 0, \"\");\n");
        }
        Files.writeString(out.resolve("bench.c"), c, StandardCharsets.UTF_8);
        System.out.println(spec.records().size() + " records written to " + out);
    }
}
