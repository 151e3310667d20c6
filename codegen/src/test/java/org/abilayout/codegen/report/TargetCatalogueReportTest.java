package org.abilayout.codegen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.abilayout.arch.Catalogue;
import org.junit.jupiter.api.Test;

class TargetCatalogueReportTest {

    @Test
    void listsEveryTargetWithItsVaryingTypes() {
        String text = TargetCatalogueReport.text(Catalogue.all());
        List<String> lines = text.lines().toList();
        assertEquals("target                   cpu          os       model  endian  char      long  llong  ptr  double"
                + "  ldouble  wchar  ref", lines.get(0));
        assertTrue(lines.contains("i386-linux-gnu           i386         linux    ilp32  little  signed     4/4    8/4"
                + "  4/4     8/4     12/4    4/4  gcc"), text);
        assertTrue(lines.contains("m68k-linux-gnu           m68k         linux    ilp32  big     signed     4/2    8/2"
                + "  4/2     8/2     12/2    4/2  gcc"), text);
        assertEquals(1 + Catalogue.all().size() + 2, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.length() <= 120));
    }

    @Test
    void writesEveryTypeOfATargetAsJson() {
        String json = TargetCatalogueReport.json(List.of(Catalogue.byName("x86_64-windows-msvc").orElseThrow()));
        assertTrue(json.startsWith("""
                {
                  "targets": [
                    {
                      "name": "x86_64-windows-msvc",
                      "cpu": "x86_64",
                      "os": "windows",
                      "data_model": "llp64",
                      "endian": "little",
                      "char_signed": true,
                      "types": {
                        "bool": {"size": 1, "align": 1},
                """), json);
        assertTrue(json.contains("\n        \"long\": {\"size\": 4, \"align\": 4},\n"), json);
        assertTrue(json.contains("\"record_abi\": \"msvc\""), json);
    }
}
