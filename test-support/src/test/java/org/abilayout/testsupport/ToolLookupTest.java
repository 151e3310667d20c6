package org.abilayout.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.DebianTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ToolLookupTest {
    private static final DebianTool TOOL = new DebianTool("abl-no-such-tool", "abl-package");

    @Test
    void aMissingToolSkipsTheTestNamingItsPackage(@TempDir Path empty) {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> new ToolLookup(List.of(empty), false).require(TOOL));
        assertTrue(e.getMessage().contains("apt-get install abl-package"), e.getMessage());
        assertTrue(e.getMessage().contains(ToolLookup.REQUIRE_ENV), e.getMessage());
    }

    @Test
    void aMissingToolFailsTheTestWhereToolsAreRequired(@TempDir Path empty) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> new ToolLookup(List.of(empty), true).require(TOOL));
        assertTrue(e.getMessage().contains("apt-get install abl-package"), e.getMessage());
    }

    @Test
    void anExecutableOnThePathIsFoundInPathOrder(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.createFile(a.resolve(TOOL.executable())); // not executable: skipped
        Path exe = Files.createFile(b.resolve(TOOL.executable()), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        ToolLookup lookup = ToolLookup.of(a + java.io.File.pathSeparator + b, true);
        assertEquals(Optional.of(exe), lookup.find(TOOL));
        assertEquals(exe, lookup.require(TOOL));
    }

    @Test
    void ciInstallsEveryPackageTheCatalogueAndTheSuiteName() {
        var packages = SuiteTools.debianPackages();
        for (String p : List.of("clang-19", "abigail-tools", "qemu-user", "gcc", "gcc-m68k-linux-gnu", "g++-m68k-linux-gnu",
                "gcc-i686-linux-gnu", "g++-i686-linux-gnu", "g++-s390x-linux-gnu", "gcc-riscv64-linux-gnu")) {
            assertTrue(packages.contains(p), p + " missing from " + packages);
        }
    }
}
