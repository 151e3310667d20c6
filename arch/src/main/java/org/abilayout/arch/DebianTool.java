package org.abilayout.arch;

import java.util.Objects;

/**
 * An executable the test suite runs for a target, and the Debian package that installs it:
 * what a missing tool's message tells the user to {@code apt-get install}.
 *
 * @param executable the command name looked up on {@code PATH} ({@code m68k-linux-gnu-gcc})
 * @param debianPackage the package that provides it ({@code gcc-m68k-linux-gnu})
 */
public record DebianTool(String executable, String debianPackage) {
    public DebianTool {
        Objects.requireNonNull(executable);
        Objects.requireNonNull(debianPackage);
    }

    @Override
    public String toString() {
        return executable;
    }
}
