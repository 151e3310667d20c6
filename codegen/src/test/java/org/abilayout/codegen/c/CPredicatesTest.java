package org.abilayout.codegen.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.abilayout.spec.predicate.Predicate;
import org.abilayout.spec.predicate.PredicateParser;
import org.junit.jupiter.api.Test;

/**
 * One test per predicate form. That each translation means the predicate on every catalogue
 * target is proven with the compilers in abi-tests (TargetConditionsTest); these pin the text.
 */
class CPredicatesTest {
    private final CPredicates c = new CPredicates(n -> n.equals("m68k-linux-gnu") ? "P_TARGET_M68K_LINUX_GNU" : "");

    private String translate(String predicate) throws PredicateParser.PredicateException {
        Predicate p = PredicateParser.parse(predicate);
        return c.translate(p);
    }

    @Test
    void lp64AcceptsEitherSpellingOfTheMacro() throws Exception {
        assertEquals("(defined(__LP64__) || defined(_LP64))", translate("lp64"));
    }

    @Test
    void ilp32AsksForThirtyTwoBitPointersAndLongNotForAMissingLp64() throws Exception {
        // `#ifndef __LP64__` would be true on 64-bit Windows, which is LLP64
        assertEquals("((defined(__SIZEOF_POINTER__) && __SIZEOF_POINTER__ == 4 && __SIZEOF_LONG__ == 4)"
                + " || (defined(_WIN32) && !defined(_WIN64)))", translate("ilp32"));
    }

    @Test
    void llp64IsSixtyFourBitWindows() throws Exception {
        assertEquals("defined(_WIN64)", translate("llp64"));
    }

    @Test
    void byteOrderChecksTheMacroIsDefinedBeforeComparing() throws Exception {
        assertEquals("(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)", translate("big_endian"));
    }

    @Test
    void littleEndianHoldsOnMsvcWhichHasNoByteOrderMacro() throws Exception {
        assertEquals("(defined(_MSC_VER) || (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__))",
                translate("little_endian"));
    }

    @Test
    void archAcceptsGccAndMsvcSpellings() throws Exception {
        // ARM64EC code defines _M_X64 too but runs on arm64: excluded, as in the target identification
        assertEquals("(defined(__x86_64__) || (defined(_M_X64) && !defined(_M_ARM64EC)))", translate("arch(x86_64)"));
        assertEquals("(defined(__aarch64__) || defined(_M_ARM64))", translate("arch(aarch64)"));
        assertEquals("((defined(__mips__) && !defined(__mips64)) || defined(__mips64))", translate("arch(mips, mips64)"));
        assertEquals("(defined(__riscv) && __riscv_xlen == 32)", translate("arch(riscv32)"));
    }

    @Test
    void osNamesThePlatformMacro() throws Exception {
        assertEquals("(defined(__linux__) || defined(__FreeBSD__))", translate("os(linux, freebsd)"));
        assertEquals("defined(_WIN32)", translate("os(windows)"));
    }

    @Test
    void targetUsesTheHeadersIdentificationMacroAndIsFalseForTargetsTheHeaderDoesNotKnow() throws Exception {
        assertEquals("(defined(P_TARGET_M68K_LINUX_GNU) || 0)", translate("target(m68k-linux-gnu, x86_64-linux-gnu)"));
    }

    @Test
    void operatorsKeepTheirGrouping() throws Exception {
        assertEquals("!(defined(__LP64__) || defined(_LP64))", translate("!lp64"));
        assertEquals("(defined(_WIN64) || (defined(__LP64__) || defined(_LP64)))", translate("llp64 || lp64"));
        assertEquals("((defined(__linux__) || defined(__FreeBSD__)) && (!defined(_WIN64)))",
                translate("os(linux, freebsd) && !llp64"));
        assertEquals("(((defined(__LP64__) || defined(_LP64)) && defined(__s390x__)) || defined(_WIN64))",
                translate("lp64 && arch(s390x) || llp64"));
    }
}
