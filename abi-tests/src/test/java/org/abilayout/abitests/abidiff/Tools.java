package org.abilayout.abitests.abidiff;

import java.nio.file.Path;
import java.util.List;

/** Runs the external tools; a missing tool fails the test and names its Debian package. */
final class Tools {
    private Tools() {}

    record Result(int exit, String output) {}

    static void require(String tool, String debianPackage) {
        org.abilayout.abitests.Processes.require(tool, debianPackage);
    }

    static Result run(List<String> cmd, Path dir) {
        org.abilayout.abitests.Processes.Result r = org.abilayout.abitests.Processes.run(cmd, dir, 120);
        return new Result(r.exitCode(), r.output());
    }
}
