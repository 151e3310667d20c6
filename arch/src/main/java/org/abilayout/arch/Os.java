package org.abilayout.arch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The operating systems of the catalogue, with what the compilers and the JVM call them. */
public enum Os {
    LINUX("linux", "defined(__linux__)", "linux"),
    FREEBSD("freebsd", "defined(__FreeBSD__)", "freebsd"),
    DARWIN("darwin", "defined(__APPLE__)", "mac", "darwin"),
    WINDOWS("windows", "defined(_WIN32)", "windows");

    private final String specName;
    private final String condition;
    private final List<String> jvmNamePrefixes;

    Os(String specName, String condition, String... jvmNamePrefixes) {
        this.specName = specName;
        this.condition = condition;
        this.jvmNamePrefixes = List.of(jvmNamePrefixes);
    }

    /** The name {@code os(...)} predicates use: {@code linux}, {@code freebsd}, {@code darwin}, {@code windows}. */
    public String specName() {
        return specName;
    }

    /** The preprocessor condition over predefined macros (GCC, clang and MSVC alike) that holds on this system. */
    public String condition() {
        return condition;
    }

    /** What the JVM's {@code os.name} starts with here, lower-cased ({@code Mac OS X}, {@code Windows 11}). */
    public List<String> jvmNamePrefixes() {
        return jvmNamePrefixes;
    }

    /** The system an {@code os(...)} name denotes. */
    public static Optional<Os> bySpecName(String name) {
        return Arrays.stream(values()).filter(o -> o.specName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return specName;
    }
}
