package org.abilayout.abitests;

import java.nio.file.Path;
import java.util.List;
import org.abilayout.arch.Target;
import org.abilayout.codegen.OutputFiles;
import org.abilayout.codegen.c.CHeaderGenerator;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.Spec;

/** The generated header of a spec in a directory, as {@code gen c} writes it. */
public final class HeaderFiles {
    private HeaderFiles() {}

    public static Path write(Spec spec, List<Target> targets, Path dir) throws Exception {
        return OutputFiles.write(dir, List.of(new CHeaderGenerator().generate(LayoutEngine.layoutAll(spec, targets))))
                .getFirst().path();
    }
}
