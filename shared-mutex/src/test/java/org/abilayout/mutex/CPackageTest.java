package org.abilayout.mutex;

import org.abilayout.testsupport.SuiteTools;
import org.abilayout.testsupport.Tools;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The C library as a package (shared-mutex/Makefile): installed into a temporary prefix without
 * Maven, then used by a C program built with pkg-config and with CMake's find_package.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CPackageTest {
    private static final Path MODULE = Path.of(System.getProperty("shared.mutex.c.main", "src/main/c")).getParent().getParent().getParent();
    private static final Path WORK = Path.of(System.getProperty("shared.mutex.build", "target"), "c-package");
    private static final Path PREFIX = WORK.resolve("prefix").toAbsolutePath();
    private static final Path USER = Path.of(System.getProperty("shared.mutex.c.test", "src/test/c"), "package");

    private static String run(Map<String, String> env, String what, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(what + ": cannot start " + cmd[0], e);
        }
        String out = Processes.finish(p, 180, what);
        assertEquals(0, p.exitValue(), what + " failed:\n" + out);
        return out.strip();
    }

    @BeforeAll
    static void installIntoATemporaryPrefix() throws IOException {
        Tools.require(SuiteTools.MAKE);
        Files.createDirectories(WORK);
        run(Map.of(), "make install", "make", "-C", MODULE.toString(), "BUILD=" + WORK.resolve("build").toAbsolutePath(),
                "PREFIX=" + PREFIX, "install");
    }

    @Test
    void theCommittedGeneratedHeaderIsWhatTheBuildGenerates() throws IOException {
        Path committed = MODULE.resolve("src/main/c/org_abilayout_mutex.h");
        Path generated = Path.of(System.getProperty("shared.mutex.c.generated", "target/generated-sources/abilayout/c"),
                "org_abilayout_mutex.h");
        assertEquals(Files.readString(generated), Files.readString(committed),
                "src/main/c/org_abilayout_mutex.h is stale: copy target/generated-sources/abilayout/c/org_abilayout_mutex.h over it");
    }

    @Test
    void theSharedLibraryExportsTheApiAndNothingElse() throws IOException {
        Tools.require(SuiteTools.NM);
        String symbols = run(Map.of(), "nm", "nm", "-D", "--defined-only", PREFIX.resolve("lib/libabilayout_shared_mutex.so").toString());
        TreeSet<String> exported = new TreeSet<>();
        for (String line : symbols.split("\n")) exported.add(line.substring(line.lastIndexOf(' ') + 1));
        Matcher api = Pattern.compile("SHARED_MUTEX_API\\s+int\\s+(\\w+)\\s*\\(").matcher(
                Files.readString(PREFIX.resolve("include/abilayout/shared_mutex.h")));
        TreeSet<String> declared = new TreeSet<>();
        while (api.find()) declared.add(api.group(1));
        assertEquals(declared, exported);
    }

    @Test
    void aProgramBuiltWithPkgConfigRunsAgainstTheSharedAndTheStaticLibrary() throws IOException {
        Tools.require(SuiteTools.PKG_CONFIG);
        Map<String, String> env = Map.of("PKG_CONFIG_PATH", PREFIX.resolve("lib/pkgconfig").toString());
        String cflags = run(env, "pkg-config --cflags", "pkg-config", "--cflags", "abilayout-shared-mutex");
        String libs = run(env, "pkg-config --libs", "pkg-config", "--libs", "abilayout-shared-mutex");
        String staticLibs = run(env, "pkg-config --static", "pkg-config", "--static", "--libs", "abilayout-shared-mutex");
        Path shared = WORK.resolve("user-shared");
        Path stat = WORK.resolve("user-static");
        List<String> cc = new ArrayList<>(List.of("cc", "-std=c11", "-Wall", "-Werror"));
        cc.addAll(List.of(cflags.split("\\s+")));
        cc.add(USER.resolve("package_user.c").toString());
        List<String> dyn = new ArrayList<>(cc);
        dyn.addAll(List.of("-o", shared.toString()));
        dyn.addAll(List.of(libs.split("\\s+")));
        run(Map.of(), "cc (shared)", dyn.toArray(String[]::new));
        List<String> st = new ArrayList<>(cc);
        st.addAll(List.of("-o", stat.toString(), "-static-libgcc", "-Wl,-Bstatic"));
        st.addAll(List.of(staticLibs.replace("-pthread", "").replace("-lrt", "").split("\\s+")));
        st.addAll(List.of("-Wl,-Bdynamic", "-pthread", "-lrt"));
        run(Map.of(), "cc (static)", st.toArray(String[]::new));
        Path region = Files.createTempFile(WORK, "pkg", ".region");
        Files.delete(region);
        Map<String, String> ld = Map.of("LD_LIBRARY_PATH", PREFIX.resolve("lib").toString());
        assertEquals("created 1", run(ld, "the program (shared)", shared.toString(), region.toString()));
        assertEquals("attached 2", run(Map.of(), "the program (static)", stat.toString(), region.toString()));
        Files.delete(region);
    }

    @Test
    void aProgramBuiltWithCMakeFindPackageRuns() throws IOException {
        Tools.require(SuiteTools.CMAKE);
        Path build = WORK.resolve("cmake-build").toAbsolutePath();
        run(Map.of(), "cmake configure", "cmake", "-S", USER.toAbsolutePath().toString(), "-B", build.toString(),
                "-DCMAKE_PREFIX_PATH=" + PREFIX);
        run(Map.of(), "cmake build", "cmake", "--build", build.toString());
        Path region = Files.createTempFile(WORK, "cmake", ".region");
        Files.delete(region);
        assertEquals("created 1", run(Map.of(), "user_shared", build.resolve("user_shared").toString(), region.toString()));
        assertEquals("attached 2", run(Map.of(), "user_static", build.resolve("user_static").toString(), region.toString()));
        assertTrue(Files.deleteIfExists(region));
    }
}
