package org.abilayout.codegen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.junit.jupiter.api.Test;

class TargetMacrosTest {
    private static Target target(String name) {
        return Catalogue.byName(name).orElseThrow();
    }

    @Test
    void macroNamesAreTheTripleSanitisedUnderThePrefix() {
        assertEquals("FREEBSD_UMTX_TARGET_AARCH64_BE_LINUX_GNU", TargetMacros.macro("FREEBSD_UMTX", "aarch64_be-linux-gnu"));
    }

    @Test
    void everyCatalogueTargetHasItsOwnConditionAndMacro() {
        Set<String> conditions = new HashSet<>();
        Set<String> macros = new HashSet<>();
        for (Target t : Catalogue.all()) {
            assertTrue(conditions.add(TargetMacros.condition(t)), t.name());
            assertTrue(macros.add(TargetMacros.macro("P", t.name())), t.name());
        }
    }

    @Test
    void x32IsTheX86_64LinuxTargetWithoutLp64() {
        assertTrue(TargetMacros.condition(target("x86_64-linux-gnu")).contains(" defined(__LP64__)"));
        assertTrue(TargetMacros.condition(target("x86_64-linux-gnux32")).contains("!defined(__LP64__)"));
    }

    @Test
    void msvcTargetsRequireMsvcSoMinGwIsNotMistakenForThem() {
        assertTrue(TargetMacros.condition(target("x86_64-windows-msvc")).startsWith("defined(_MSC_VER) && defined(_WIN32)"));
        assertTrue(TargetMacros.condition(target("i386-windows-msvc")).contains("!defined(_WIN64)"));
    }

    @Test
    void biEndianCpusAreToldApartByByteOrder() {
        assertTrue(TargetMacros.condition(target("aarch64_be-linux-gnu")).contains("__ORDER_BIG_ENDIAN__"));
        assertTrue(TargetMacros.condition(target("aarch64-linux-gnu")).contains("__ORDER_LITTLE_ENDIAN__"));
    }
}
