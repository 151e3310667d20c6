package org.abilayout.codegen.report;

import static org.abilayout.codegen.report.Fixtures.array;
import static org.abilayout.codegen.report.Fixtures.job;
import static org.abilayout.codegen.report.Fixtures.layouts;
import static org.abilayout.codegen.report.Fixtures.member;
import static org.abilayout.codegen.report.Fixtures.scalar;
import static org.abilayout.codegen.report.Fixtures.spec;
import static org.abilayout.codegen.report.Fixtures.struct;
import static org.abilayout.codegen.report.Fixtures.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.RecordDecl;
import org.junit.jupiter.api.Test;

class TextLayoutReportTest {

    @Test
    void showsOneTargetLikePaholeWithHolesAndASummary() {
        // SysV AMD64: double is 8-aligned after a char, so 7 bytes of hole
        assertEquals("""
                struct job on x86_64-linux-gnu

                struct job {
                    char   tag;      /*     0     1 */

                    /* XXX 7 bytes hole, try to pack */

                    double when;     /*     8     8 */
                    long   count;    /*    16     8 */
                    char   name[16]; /*    24    16 */
                    void   *next;    /*    40     8 */

                    /* size: 48, cachelines: 1, members: 5, holes: 1, sum holes: 7, padding: 0, align: 8 */
                };
                """, TextLayoutReport.render(layouts(spec("demo", job()), "x86_64-linux-gnu")));
    }

    @Test
    void comparesTargetsSideBySideMarkingWhatMoves() {
        // uintptr_t is 8 bytes on LP64, 4 on ILP32 (so m_spare moves); m68k aligns it to 2
        String report = TextLayoutReport.render(
                layouts(Fixtures.umutex(), "x86_64-linux-gnu", "i386-linux-gnu", "m68k-linux-gnu"));
        assertTrue(report.startsWith("""
                struct umutex: 3 layouts on 3 targets; offsets differ for m_spare

                A  1 target (lp64): x86_64-linux-gnu
                B  1 target (ilp32): i386-linux-gnu
                C  1 target (ilp32): m68k-linux-gnu

                               A            B            C
                   member      offset size  offset size  offset size
                   m_owner          0    4       0    4       0    4
                   m_flags          4    4       4    4       4    4
                   m_ceilings       8    8       8    8       8    8
                ~  m_rb_lnk        16    8      16    4      16    4
                *  m_spare         24    8      20    8      20    8
                *  (sizeof)        32           28           28
                *  (alignof)        8            4            2

                (* offset differs between layouts, ~ size differs, - absent)

                /* layout A: 1 target (lp64) */
                struct umutex {
                    volatile lwpid_t m_owner;       /*     0     4 */
                """), report);
        assertTrue(report.contains("/* layout C: 1 target (ilp32) */\nstruct umutex {\n"), report);
    }

    @Test
    void showsASharedLayoutOnce() {
        RecordDecl point = struct("point", member("x", scalar(Scalar.INT32)), member("y", scalar(Scalar.INT32)));
        String report = TextLayoutReport.render(
                layouts(spec("demo", point), "x86_64-linux-gnu", "aarch64-linux-gnu", "i386-linux-gnu"));
        assertTrue(report.startsWith("struct point: one layout on all 3 targets\n\nstruct point {\n"),
                report);
        assertEquals(1, report.split("struct point \\{", -1).length - 1);
    }

    @Test
    void groupsTheWholeCatalogueIntoAFewLayoutsWithinOneHundredTwentyColumns() throws Exception {
        String report = TextLayoutReport.render(LayoutEngine.layoutAll(spec("demo", job()), Catalogue.all()));
        // i386 (double 4-aligned), m68k (everything 2-aligned), ILP32 with 8-aligned double,
        // LP64, LLP64 (4-byte long): five different struct jobs
        assertTrue(report.startsWith("struct job: 5 layouts on 32 targets; offsets differ for when, count, name, next\n"),
                report);
        assertTrue(report.contains("\nD  1 target (ilp32): m68k-linux-gnu\n"), report);
        assertTrue(report.lines().allMatch(l -> l.length() <= 120), report);
    }

    @Test
    void continuesAWideComparisonInASecondTable() throws Exception {
        // long double alone has five layouts (16/16, 12/4, 8/8, 16/8, 12/2); with wchar_t and
        // long in front the catalogue splits into eight groups, and with a long member name
        // they do not fit in 120 columns
        RecordDecl wide = struct("wide",
                member("c", scalar(Scalar.CHAR)),
                member("w", scalar(Scalar.WCHAR)),
                member("l", scalar(Scalar.LONG)),
                member("extended_precision_accumulator", scalar(Scalar.LONG_DOUBLE)),
                member("d", scalar(Scalar.DOUBLE)));
        String report = TextLayoutReport.render(LayoutEngine.layoutAll(spec("demo", wide), Catalogue.all()));
        long groups = report.lines().filter(l -> l.matches("/\\* layout [A-Z]+: .*")).count();
        assertEquals(8, groups, report);
        long headers = report.lines().filter(l -> l.matches(" +member +offset size.*")).count();
        assertEquals(2, headers, report);
        assertTrue(report.lines().allMatch(l -> l.length() <= 120), report);
    }

    @Test
    void expandsAnonymousMembersAndMarksCacheLines() {
        RecordDecl word = union("", member("word", scalar(Scalar.UINT32)), member("bytes", array(scalar(Scalar.UINT8), 5)));
        RecordDecl big = struct("big",
                member("flag", scalar(Scalar.CHAR)),
                member("", CType.RecordType.of(word)),
                member("pad", array(scalar(Scalar.CHAR), 52)),
                member("cb", new CType.PointerType(new CType.FunctionType(scalar(Scalar.INT), java.util.List.of(new CType.Param("", scalar(Scalar.INT))), false))),
                member("tail", array(scalar(Scalar.UINT64), 20)),
                member("last", scalar(Scalar.CHAR)));
        assertEquals("""
                struct big on x86_64-linux-gnu

                struct big {
                    char         flag;       /*     0     1 */

                    /* XXX 3 bytes hole, try to pack */

                    union {
                        uint32_t word;       /*     4     4 */
                        uint8_t  bytes[5];   /*     4     5 */

                        /* XXX 3 bytes hole, try to pack */
                    };                       /*     4     8 */
                    char         pad[52];    /*    12    52 */
                    /* --- cacheline 1 boundary (64 bytes) --- */
                    int          (*cb)(int); /*    64     8 */
                    uint64_t     tail[20];   /*    72   160 */
                    /* --- cacheline 3 boundary (192 bytes) was 40 bytes ago --- */
                    char         last;       /*   232     1 */

                    /* XXX 7 bytes tail padding */

                    /* size: 240, cachelines: 4, members: 7, holes: 2, sum holes: 6, padding: 7, align: 8 */
                };
                """, TextLayoutReport.render(layouts(spec("demo", big), "x86_64-linux-gnu")));
    }

    @Test
    void showsAMemberAbsentOnSomeTargetsAsMoved() {
        // FreeBSD's pattern: a pad word only where pointers are 32-bit keeps the next member in place
        RecordDecl decl = struct("s",
                member("link", scalar(Scalar.UINTPTR)),
                Fixtures.memberIf("ilp32", "pad", scalar(Scalar.UINT32)),
                member("spare", scalar(Scalar.UINT32)));
        String report = TextLayoutReport.render(layouts(spec("demo", decl), "x86_64-linux-gnu", "i386-linux-gnu"));
        assertTrue(report.startsWith(
                "struct s: 2 layouts on 2 targets; every member keeps its offset; only on some targets: pad\n"), report);
        assertTrue(report.contains("""
                   member     offset size  offset size
                ~  link            0    8       0    4
                *  pad             -            4    4
                   spare           8    4       8    4
                """), report);
        // the pahole view says why the member is there
        assertTrue(report.contains("pad;   /*     4     4 */ @if(ilp32)\n"), report);
    }

    @Test
    void saysSoWhenASpecHasNoRecords() {
        assertEquals("no structs or unions in demo\n",
                TextLayoutReport.render(layouts(spec("demo"), "x86_64-linux-gnu")));
    }

    @Test
    void labelsGroupsLikeSpreadsheetColumns() {
        assertEquals(List.of("A", "Z", "AA", "AZ", "BA"),
                List.of(LayoutGroup.label(0), LayoutGroup.label(25), LayoutGroup.label(26), LayoutGroup.label(51),
                        LayoutGroup.label(52)));
    }
}
