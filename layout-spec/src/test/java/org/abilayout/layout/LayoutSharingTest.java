package org.abilayout.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * The engine lays out targets with one layout environment once; the differential suite proves
 * the numbers against the compilers, these tests the bookkeeping: every layout names its own
 * target, and a spec's own per-target choices split what the environment alone would share.
 */
class LayoutSharingTest {
    private static Spec spec(String text) throws Exception {
        return SpecReader.parse(new SourceFile("s.layout", "package t;\n" + text));
    }

    private static Target t(String name) {
        return Catalogue.byName(name).orElseThrow();
    }

    @Test
    void targetsOfOneEnvironmentShareMembersButNameThemselves() throws Exception {
        // arm-linux-gnueabihf and mipsel-linux-gnu: ILP32, 8-aligned long long and double, SysV, little-endian
        Layouts l = LayoutEngine.layoutAll(spec("struct s { char c; double d; struct { int x; } in; };"),
                List.of(t("arm-linux-gnueabihf"), t("mipsel-linux-gnu"), t("i386-linux-gnu")));
        RecordLayout arm = l.perTarget().get(0).records().getFirst();
        RecordLayout mips = l.perTarget().get(1).records().getFirst();
        RecordLayout i386 = l.perTarget().get(2).records().getFirst();
        assertEquals("arm-linux-gnueabihf", arm.target().name());
        assertEquals("mipsel-linux-gnu", mips.target().name());
        assertEquals("mipsel-linux-gnu", l.perTarget().get(1).target().name());
        assertSame(arm.fields(), mips.fields());
        assertNotSame(arm.fields(), i386.fields());
        assertEquals(8, arm.fields().get(1).offset());
        assertEquals(4, i386.fields().get(1).offset());
    }

    @Test
    void theSpecsOwnTargetChoicesSplitAnEnvironment() throws Exception {
        Layouts l = LayoutEngine.layoutAll(spec("""
                struct s { int a; @if(arch(mips)) int only_mips; };
                @pad_to(mipsel-linux-gnu: 32, default: 16) struct p { int a; };
                """), List.of(t("arm-linux-gnueabihf"), t("mipsel-linux-gnu")));
        assertEquals(List.of("a"), names(l.perTarget().get(0).records().get(0)));
        assertEquals(List.of("a", "only_mips"), names(l.perTarget().get(1).records().get(0)));
        assertEquals(16, l.perTarget().get(0).records().get(1).size());
        assertEquals(32, l.perTarget().get(1).records().get(1).size());
    }

    private static List<String> names(RecordLayout r) {
        return r.fields().stream().map(FieldLayout::name).toList();
    }
}
