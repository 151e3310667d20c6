package org.abilayout.codegen.report;

import static org.abilayout.codegen.report.Fixtures.layouts;
import static org.abilayout.codegen.report.Fixtures.member;
import static org.abilayout.codegen.report.Fixtures.scalar;
import static org.abilayout.codegen.report.Fixtures.spec;
import static org.abilayout.codegen.report.Fixtures.struct;
import static org.abilayout.codegen.report.Fixtures.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Scalar;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;

class JsonLayoutReportTest {

    /**
     * <pre>
     * struct tagged { uint8_t tag; union { uint32_t u; double d; }; };
     * union num { int16_t s; long l; };
     * </pre>
     */
    private static Spec tagged() {
        RecordDecl anon = union("", member("u", scalar(Scalar.UINT32)), member("d", scalar(Scalar.DOUBLE)));
        RecordDecl tagged = struct("tagged", member("tag", scalar(Scalar.UINT8)),
                member("", CType.RecordType.of(anon)));
        RecordDecl num = union("num", member("s", scalar(Scalar.INT16)), member("l", scalar(Scalar.LONG)));
        return spec("demo.pkg", tagged, num);
    }

    @Test
    void writesTheContractShapeWithAnonymousMembersLifted() {
        // i386 aligns double to 4 in structs, so the anonymous union sits at 4 there, at 8 on x86_64
        assertEquals("""
                {
                  "package": "demo.pkg",
                  "types": [
                    {
                      "name": "tagged",
                      "kind": "struct",
                      "layouts": {
                        "i386-linux-gnu": {
                          "size": 12,
                          "align": 4,
                          "fields": [
                            {"name": "tag", "offset": 0, "size": 1, "align": 1},
                            {"name": "u", "offset": 4, "size": 4, "align": 4},
                            {"name": "d", "offset": 4, "size": 8, "align": 4}
                          ]
                        },
                        "x86_64-linux-gnu": {
                          "size": 16,
                          "align": 8,
                          "fields": [
                            {"name": "tag", "offset": 0, "size": 1, "align": 1},
                            {"name": "u", "offset": 8, "size": 4, "align": 4},
                            {"name": "d", "offset": 8, "size": 8, "align": 8}
                          ]
                        }
                      }
                    },
                    {
                      "name": "num",
                      "kind": "union",
                      "layouts": {
                        "i386-linux-gnu": {
                          "size": 4,
                          "align": 4,
                          "fields": [
                            {"name": "s", "offset": 0, "size": 2, "align": 2},
                            {"name": "l", "offset": 0, "size": 4, "align": 4}
                          ]
                        },
                        "x86_64-linux-gnu": {
                          "size": 8,
                          "align": 8,
                          "fields": [
                            {"name": "s", "offset": 0, "size": 2, "align": 2},
                            {"name": "l", "offset": 0, "size": 8, "align": 8}
                          ]
                        }
                      }
                    }
                  ]
                }
                """, JsonLayoutReport.render(layouts(tagged(), "i386-linux-gnu", "x86_64-linux-gnu")));
    }

    @Test
    void isTheSameBytesEveryTime() throws Exception {
        String first = JsonLayoutReport.render(LayoutEngine.layoutAll(tagged(), Catalogue.all()));
        String second = JsonLayoutReport.render(LayoutEngine.layoutAll(tagged(), Catalogue.all()));
        assertEquals(first, second);
    }

    @Test
    void keepsTheTargetOrderItIsGiven() {
        String json = JsonLayoutReport.render(layouts(tagged(), "x86_64-linux-gnu", "i386-linux-gnu"));
        assertEquals(true, json.indexOf("\"x86_64-linux-gnu\"") < json.indexOf("\"i386-linux-gnu\""));
    }

    @Test
    void layoutsNeedAtLeastOneTarget() {
        assertThrows(IllegalArgumentException.class, () -> new org.abilayout.layout.Layouts(tagged(), List.of()));
    }
}
