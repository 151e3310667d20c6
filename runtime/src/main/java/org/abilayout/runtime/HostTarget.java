package org.abilayout.runtime;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;

/**
 * Which catalogue target the running JVM is: from {@code os.name}, {@code os.arch}, the pointer
 * size ({@code ValueLayout.ADDRESS.byteSize()}) and the native byte order, matched against the
 * names each catalogue entry states ({@link org.abilayout.arch.HostNames}). Linux is assumed to
 * use its GNU ABI (glibc and musl lay out structs alike), Windows the MSVC ABI: those are the
 * catalogue's only targets there.
 */
public final class HostTarget {
    private HostTarget() {}

    private static final Optional<Target> CURRENT = resolve(System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""), ValueLayout.ADDRESS.byteSize(), ByteOrder.nativeOrder());

    /** The running platform's target, or throws {@link UnsupportedTargetException} naming it. */
    public static Target current() {
        return CURRENT.orElseThrow(() -> new UnsupportedTargetException("this platform (" + describe() + ") is not a "
                + "catalogue target; supported: " + String.join(", ", Catalogue.all().stream().map(Target::name).toList())));
    }

    /**
     * The running platform's target if it is one of {@code supported} (the targets a class was
     * generated for); else throws {@link UnsupportedTargetException} naming the host and them.
     */
    public static Target requireOneOf(List<String> supported, String type) {
        Target t = current();
        if (!supported.contains(t.name())) {
            throw new UnsupportedTargetException(type + " was not generated for this platform (" + t.name() + ", "
                    + describe() + "); generated for: " + String.join(", ", supported));
        }
        return t;
    }

    /** {@code os.name/os.arch, N-bit pointers, byte order}, for messages. */
    public static String describe() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ", "
                + ValueLayout.ADDRESS.byteSize() * 8 + "-bit pointers, " + ByteOrder.nativeOrder();
    }

    /**
     * The catalogue target of a platform described as the JVM describes it, if there is one whose
     * pointer size and byte order agree.
     */
    public static Optional<Target> resolve(String osName, String osArch, long pointerBytes, ByteOrder order) {
        return resolve(Catalogue.standard(), osName, osArch, pointerBytes, order);
    }

    /** As {@link #resolve(String, String, long, ByteOrder)}, among the targets of {@code catalogue}. */
    public static Optional<Target> resolve(Catalogue catalogue, String osName, String osArch, long pointerBytes,
            ByteOrder order) {
        return catalogue.host(osName, osArch, pointerBytes, order);
    }
}
