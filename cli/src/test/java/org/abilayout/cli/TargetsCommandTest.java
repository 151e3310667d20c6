package org.abilayout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.junit.jupiter.api.Test;

class TargetsCommandTest {

    @Test
    void printsOneRowPerTargetInCatalogueOrder() {
        CliRun r = CliRun.run("targets");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("target "), lines.getFirst());
        for (int i = 0; i < Catalogue.all().size(); i++) {
            assertTrue(lines.get(i + 1).startsWith(Catalogue.all().get(i).name() + " "), lines.get(i + 1));
        }
        // SysV i386 puts long long and double on 4-byte boundaries inside structs
        assertTrue(lines.stream().anyMatch(l -> l.matches("i386-linux-gnu +i386 +linux +ilp32 +little +signed "
                + "+4/4 +8/4 +4/4 +8/4 +12/4 +4/4 +gcc")), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsEveryTargetWithItsTypes() {
        CliRun r = CliRun.run("targets", "--format", "json");
        assertEquals(0, r.exit());
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(r.out());
        List<Map<String, Object>> targets = (List<Map<String, Object>>) doc.get("targets");
        assertEquals(Catalogue.all().stream().map(Target::name).toList(),
                targets.stream().map(t -> t.get("name")).toList());
        Map<String, Object> m68k = targets.stream().filter(t -> t.get("name").equals("m68k-linux-gnu")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("size", 4L, "align", 2L), ((Map<String, Object>) m68k.get("types")).get("int"));
        assertEquals("gcc", m68k.get("reference"));
    }
}
