package org.abilayout.abitests.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;

/**
 * Turns the engine's layouts of a spec on one target into C checks: {@code sizeof} and
 * {@code _Alignof} of every named record, and for every member as {@code offsetof} sees it
 * (anonymous members lifted; members of a named member of anonymous record type reached as
 * {@code f3.f4}) its offset, its size (not for a flexible array member) and, where C can say
 * it, its alignment.
 *
 * <p>Standard C has no operator for "the alignment of this member inside this struct". GCC has
 * one: {@code __alignof__} of a member access is the field's own alignment ({@code DECL_ALIGN}:
 * 1 when packed, raised by {@code aligned(N)}, 4 for an i386 {@code long long}), so for GCC
 * every member's alignment is checked with it. clang's {@code __alignof__} of a member instead
 * says what is known about the member's address (it mixes in the offset), so for clang the
 * check is {@code _Alignof} of the member's declared type, which is the member's alignment
 * exactly when the declaring record is not packed (packing lowers it to 1) and the member
 * carries no {@code @align} (which raises it to "at least N", so the check there is
 * {@code max(N, _Alignof(T))}). clang's packed members are checked through their offsets and
 * the record's {@code _Alignof}.
 */
public final class LayoutChecks {
    private LayoutChecks() {}

    /** What a check compares. */
    public enum Kind {
        SIZEOF("sizeof"), ALIGNOF("_Alignof"), OFFSETOF("offsetof"), MEMBER_SIZE("member sizeof"),
        MEMBER_ALIGN("member alignment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One C fact the engine predicts.
     *
     * @param record the named record ({@code struct s3})
     * @param member the member path as {@code offsetof} takes it ({@code f3.f4}); empty for the record itself
     * @param expr a C integer constant expression
     * @param expected the engine's value
     */
    public record Check(String target, String record, String member, Kind kind, String expr, long expected) {
        /** {@code _Static_assert} on one line; the message names what and the engine's value. */
        public String staticAssert() {
            return "_Static_assert((" + expr + ") == " + expected + ", \"" + target + " " + record
                    + (member.isEmpty() ? "" : " member " + member) + " " + kind.label() + ": engine says " + expected
                    + "\");";
        }

        public String describe() {
            return record + (member.isEmpty() ? "" : ", member " + member) + ", " + kind.label();
        }
    }

    /** Every check for every named record of one target's layout, for clang. */
    public static List<Check> of(SpecLayout layout) {
        return of(layout, false);
    }

    /**
     * Every check for every named record of one target's layout; {@code gccFieldAlign} checks
     * every member's alignment with GCC's {@code __alignof__} of the member.
     */
    public static List<Check> of(SpecLayout layout, boolean gccFieldAlign) {
        Map<Member, RecordDecl> parents = parents(layout.spec());
        String target = layout.target().name();
        List<Check> out = new ArrayList<>();
        for (RecordLayout r : layout.records()) {
            String c = r.decl().cName();
            out.add(new Check(target, c, "", Kind.SIZEOF, "sizeof(" + c + ")", r.size()));
            out.add(new Check(target, c, "", Kind.ALIGNOF, "_Alignof(" + c + ")", r.align()));
            members(target, c, r, "", 0, parents, gccFieldAlign, out);
        }
        return out;
    }

    private static void members(String target, String c, RecordLayout r, String prefix, long base,
            Map<Member, RecordDecl> parents, boolean gccFieldAlign, List<Check> out) {
        for (FlatField f : r.flatFields()) {
            String path = prefix + f.name();
            Member m = f.field().member();
            boolean flexible = m.type() instanceof CType.ArrayType a && a.isFlexible();
            String access = "((" + c + " *)0)->" + path;
            out.add(new Check(target, c, path, Kind.OFFSETOF, "__builtin_offsetof(" + c + ", " + path + ")",
                    base + f.offset()));
            if (!flexible) out.add(new Check(target, c, path, Kind.MEMBER_SIZE, "sizeof(" + access + ")", f.size()));
            if (gccFieldAlign) {
                out.add(new Check(target, c, path, Kind.MEMBER_ALIGN, "__alignof__(" + access + ")", f.align()));
            } else if (!parents.get(m).packed()) {
                String natural = "_Alignof(__typeof__(" + access + (flexible ? "[0]" : "") + "))";
                String expr = m.align().isEmpty() ? natural
                        : "(" + m.align().getAsLong() + " > " + natural + " ? " + m.align().getAsLong() + " : " + natural + ")";
                out.add(new Check(target, c, path, Kind.MEMBER_ALIGN, expr, f.align()));
            }
            // a named member of anonymous record type, by value (not an array of them): C reaches inside it
            boolean byValue = !(m.type().unwrap() instanceof CType.ArrayType);
            if (byValue && f.field().nested().isPresent() && f.field().nested().get().decl().isAnonymous()) {
                members(target, c, f.field().nested().get(), path + ".", base + f.offset(), parents, gccFieldAlign, out);
            }
        }
    }

    /** The record that declares each member (anonymous records included). */
    private static Map<Member, RecordDecl> parents(Spec spec) {
        Map<Member, RecordDecl> parents = new IdentityHashMap<>();
        for (RecordDecl r : spec.records()) collect(r, parents);
        return parents;
    }

    private static void collect(RecordDecl r, Map<Member, RecordDecl> parents) {
        for (Member m : r.members()) {
            parents.put(m, r);
            CType t = m.type();
            while (t instanceof CType.ArrayType a) t = a.element();
            if (t.unqualified() instanceof CType.RecordType rt && rt.ref().isAnonymous()) collect(rt.decl(), parents);
        }
    }
}
