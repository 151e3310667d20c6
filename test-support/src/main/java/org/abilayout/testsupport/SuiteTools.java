package org.abilayout.testsupport;

import java.util.LinkedHashSet;
import java.util.Set;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.DebianTool;
import org.abilayout.arch.GccToolchain;
import org.abilayout.arch.Target;

/**
 * The external tools of the test suite and the Debian packages they come from: the catalogue's
 * compilers and emulators ({@link Target#referenceCompiler()}, {@link Target#gcc()}) and the
 * tools that are no target's (abigail-tools; make, pkg-config, cmake and util-linux for the
 * shared mutex's C package and pid-namespace tests). {@code .ci/run} installs exactly
 * {@link #debianPackages()}, printed by {@link #main}, so the list has one source.
 */
public final class SuiteTools {
    private SuiteTools() {}

    public static final DebianTool CLANG = Target.Reference.CLANG_19;
    public static final DebianTool ABIDIFF = new DebianTool("abidiff", "abigail-tools");
    public static final DebianTool ABIDW = new DebianTool("abidw", "abigail-tools");
    /** The shared mutex's C package is built with make and found with pkg-config and CMake. */
    public static final DebianTool MAKE = new DebianTool("make", "make");
    public static final DebianTool PKG_CONFIG = new DebianTool("pkg-config", "pkg-config");
    public static final DebianTool CMAKE = new DebianTool("cmake", "cmake");
    /** The host's C compiler, for the shared mutex's C library and test tool. */
    public static final DebianTool HOST_GCC = new DebianTool("gcc", "gcc");
    public static final DebianTool NM = new DebianTool("nm", "binutils");
    /** unshare, for the shared mutex's pid-namespace tests. */
    public static final DebianTool UNSHARE = new DebianTool("unshare", "util-linux");

    /**
     * Every package a full test run needs: clang-19 and abigail-tools; each standard catalogue
     * target's GCC and qemu-user; and its C++ compiler where GCC is the reference, because the
     * generated headers are proven as C++ with the reference compiler too.
     */
    public static Set<String> debianPackages() {
        Set<String> packages = new LinkedHashSet<>();
        packages.add(CLANG.debianPackage());
        for (Target t : Catalogue.all()) {
            if (t.gcc().isEmpty()) continue;
            GccToolchain gcc = t.gcc().get();
            packages.add(gcc.cc().debianPackage());
            if (t.reference() == Target.Reference.GCC) packages.add(gcc.cxx().debianPackage());
            packages.add(gcc.qemu().debianPackage());
        }
        packages.add(ABIDIFF.debianPackage());
        for (DebianTool t : new DebianTool[] {HOST_GCC, NM, MAKE, PKG_CONFIG, CMAKE, UNSHARE}) packages.add(t.debianPackage());
        return packages;
    }

    /** Prints {@link #debianPackages()}, one a line (for {@code .ci/run}). */
    public static void main(String[] args) {
        debianPackages().forEach(System.out::println);
    }
}
