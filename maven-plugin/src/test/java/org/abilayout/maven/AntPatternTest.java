package org.abilayout.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AntPatternTest {

    @Test
    void doubleStarSlashMatchesZeroOrMoreDirectories() {
        AntPattern p = AntPattern.of("**/*.layout");
        assertTrue(p.matches("umtx.layout"));
        assertTrue(p.matches("freebsd/umtx.layout"));
        assertTrue(p.matches("a/b/c/umtx.layout"));
        assertFalse(p.matches("umtx.layout.lock"));
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertFalse(AntPattern.of("*.layout").matches("freebsd/umtx.layout"));
        assertTrue(AntPattern.of("freebsd/u?tx.layout").matches("freebsd/umtx.layout"));
        assertFalse(AntPattern.of("freebsd/u?tx.layout").matches("freebsd/uumtx.layout"));
    }

    @Test
    void trailingSlashMeansEverythingBelow() {
        AntPattern p = AntPattern.of("history/");
        assertTrue(p.matches("history/umtx-v1.layout"));
        assertFalse(p.matches("umtx.layout"));
    }

    @Test
    void dotsAndOtherRegexCharactersAreLiteral() {
        assertFalse(AntPattern.of("a.layout").matches("aXlayout"));
        assertTrue(AntPattern.of("(x)+.layout").matches("(x)+.layout"));
    }
}
