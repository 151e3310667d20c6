package org.abilayout.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Optional;
import org.abilayout.arch.Target;
import org.junit.jupiter.api.Test;

class HostTargetTest {
    private static Optional<String> resolve(String os, String arch, long pointer, ByteOrder order) {
        return HostTarget.resolve(os, arch, pointer, order).map(Target::name);
    }

    @Test
    void jvmPropertiesOfCommonPlatformsResolveToTheirCatalogueTargets() {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        assertEquals(Optional.of("x86_64-linux-gnu"), resolve("Linux", "amd64", 8, le));
        assertEquals(Optional.of("i386-linux-gnu"), resolve("Linux", "x86", 4, le));
        assertEquals(Optional.of("aarch64-linux-gnu"), resolve("Linux", "aarch64", 8, le));
        assertEquals(Optional.of("arm-linux-gnueabihf"), resolve("Linux", "arm", 4, le));
        assertEquals(Optional.of("s390x-linux-gnu"), resolve("Linux", "s390x", 8, be));
        assertEquals(Optional.of("powerpc64le-linux-gnu"), resolve("Linux", "ppc64le", 8, le));
        assertEquals(Optional.of("powerpc64-linux-gnu"), resolve("Linux", "ppc64", 8, be));
        assertEquals(Optional.of("riscv64-linux-gnu"), resolve("Linux", "riscv64", 8, le));
        assertEquals(Optional.of("aarch64-apple-darwin"), resolve("Mac OS X", "aarch64", 8, le));
        assertEquals(Optional.of("x86_64-windows-msvc"), resolve("Windows 11", "amd64", 8, le));
        assertEquals(Optional.of("x86_64-freebsd"), resolve("FreeBSD", "amd64", 8, le));
    }

    @Test
    void platformsOutsideTheCatalogueOrWithContradictoryFactsDoNotResolve() {
        assertEquals(Optional.empty(), resolve("SunOS", "sparcv9", 8, ByteOrder.BIG_ENDIAN));
        assertEquals(Optional.empty(), resolve("Linux", "amd64", 8, ByteOrder.BIG_ENDIAN));
        assertEquals(Optional.empty(), resolve("Linux", "vax", 4, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void thisJvmIsACatalogueTarget() {
        Target t = HostTarget.current();
        assertTrue(HostTarget.describe().contains(System.getProperty("os.arch")));
        assertEquals(t.name(), HostTarget.requireOneOf(java.util.List.of(t.name()), "struct x").name());
    }

    @Test
    void hostMissingFromAGeneratedClassIsNamedWithTheTargetsItHas() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedTargetException.class,
                () -> HostTarget.requireOneOf(java.util.List.of("s390x-linux-gnu"), "struct umutex"));
        assertTrue(e.getMessage().startsWith("struct umutex was not generated for this platform ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("generated for: s390x-linux-gnu"), e.getMessage());
    }
}
