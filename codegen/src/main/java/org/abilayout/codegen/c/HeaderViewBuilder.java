package org.abilayout.codegen.c;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.abilayout.arch.Scalar;
import org.abilayout.arch.Target;
import org.abilayout.codegen.c.HeaderView.Body;
import org.abilayout.codegen.c.HeaderView.ConstView;
import org.abilayout.codegen.c.HeaderView.DeclView;
import org.abilayout.codegen.c.HeaderView.EnumView;
import org.abilayout.codegen.c.HeaderView.Enumerator;
import org.abilayout.codegen.c.HeaderView.FieldLine;
import org.abilayout.codegen.c.HeaderView.Line;
import org.abilayout.codegen.c.HeaderView.NestedLine;
import org.abilayout.codegen.c.HeaderView.OffsetAssert;
import org.abilayout.codegen.c.HeaderView.PinnedOffset;
import org.abilayout.codegen.c.HeaderView.Presence;
import org.abilayout.codegen.c.HeaderView.RecordAsserts;
import org.abilayout.codegen.c.HeaderView.RecordView;
import org.abilayout.codegen.c.HeaderView.TargetAsserts;
import org.abilayout.codegen.c.HeaderView.TargetView;
import org.abilayout.codegen.c.HeaderView.TypedefView;
import org.abilayout.codegen.c.HeaderView.VersionAssignment;
import org.abilayout.layout.FieldLayout;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.Layouts;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Member;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.model.TypedefDecl;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;

/**
 * Turns a spec and its per-target layouts into the {@link HeaderView}: C spellings, explicit
 * padding members from the engine's gaps, {@code @if} conditions, versioning helpers and
 * assertions. Every number comes from the layouts; nothing is computed here but names.
 */
final class HeaderViewBuilder {
    /** Generated member names start with this; the spec may not use it. */
    static final String RESERVED_MEMBER_PREFIX = "_abi_";

    private final Spec spec;
    private final String fileName;
    private final List<SpecLayout> layouts;
    private final Layouts all;
    private final String prefix;
    private final CDeclarators c;
    private final CPredicates predicates;
    private final PaddingPlanner padding;
    private final Map<String, String> targetMacros = new LinkedHashMap<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    /** Every macro the header defines, and where from, to report clashes. */
    private final Map<String, SourcePos> macros = new LinkedHashMap<>();
    /** Ordinary identifiers (typedefs, functions) and tags the header declares. */
    private final Map<String, SourcePos> ordinary = new LinkedHashMap<>();
    private Set<String> memberNames = new LinkedHashSet<>();
    private boolean usesBool;
    private int padCounter;

    HeaderViewBuilder(Layouts layouts, String fileName) {
        this.all = layouts;
        this.spec = layouts.spec();
        this.fileName = fileName;
        this.layouts = layouts.perTarget();
        this.prefix = prefix(spec.packageName());
        this.c = new CDeclarators(prefix);
        for (SpecLayout l : this.layouts) targetMacros.put(l.target().name(), TargetMacros.macro(prefix, l.target().name()));
        this.predicates = new CPredicates(n -> targetMacros.getOrDefault(n, ""));
        this.padding = new PaddingPlanner(prefix, targetMacros, this.layouts.size());
    }

    /** {@code freebsd.umtx} → {@code FREEBSD_UMTX}. */
    static String prefix(String packageName) {
        return TargetMacros.sanitise(packageName);
    }

    /** {@code freebsd.umtx} → {@code freebsd_umtx.h}. */
    static String headerName(String packageName) {
        return packageName.replaceAll("[^A-Za-z0-9_]", "_") + ".h";
    }

    HeaderView build() throws SpecException {
        for (String m : List.of("H", "ATOMIC", "ATOMIC_ALIGNAS", "ATOMIC_PROMOTE_MAX", "STATIC_ASSERT", "ALIGNOF",
                "ALIGNAS", "ALIGNED", "PACKED", "EXTENSION", "UNKNOWN_TARGET", "ALLOW_UNKNOWN_TARGET")) {
            macros.put(prefix + "_" + m, SourcePos.NONE);
        }
        List<TargetView> targets = new ArrayList<>();
        for (SpecLayout l : layouts) {
            Target t = l.target();
            targets.add(new TargetView(t.name(), targetMacros.get(t.name()), TargetMacros.condition(t), t.maxAtomicPromote()));
            macros.put(targetMacros.get(t.name()), SourcePos.NONE);
        }
        List<DeclView> decls = new ArrayList<>();
        for (Decl d : org.abilayout.spec.model.DeclOrder.of(spec)) {
            switch (d) {
                case TypedefDecl td -> decls.add(typedef(td));
                case ConstDecl cd -> decls.add(constant(cd));
                case EnumDecl ed -> decls.add(enumeration(ed));
                case RecordDecl rd -> decls.add(record(rd));
            }
        }
        checkClashes();
        if (!errors.isEmpty()) throw new SpecException(errors, List.of(spec.source()));
        return new HeaderView(fileName, headerName(spec.packageName()), spec.packageName(), prefix, usesBool, targets,
                decls, asserts());
    }

    // --- declarations ----------------------------------------------------------------------------

    private TypedefView typedef(TypedefDecl td) {
        ordinary(td.name(), td.pos());
        CType base = stripArrays(td.type()).unqualified();
        if (base instanceof CType.RecordType r && r.ref().isAnonymous()) {
            error(td.pos(), "typedef '" + td.name() + "' names an anonymous " + r.decl().kind().keyword()
                    + ": the C header generator needs a tag to lay it out; write `typedef "
                    + r.decl().kind().keyword() + " " + td.name() + "_s { ... } " + td.name() + ";` as a tagged record");
            return new TypedefView(List.of(), "");
        }
        noteTypes(td.type());
        return new TypedefView(doc(td.doc(), td.pos()), "typedef " + c.declare(td.type(), td.name()));
    }

    private ConstView constant(ConstDecl cd) {
        macro(cd.name(), cd.pos());
        return new ConstView(doc(cd.doc(), cd.pos()), cd.name(), CDeclarators.constant(cd.type(), cd.value()));
    }

    private EnumView enumeration(EnumDecl ed) {
        List<Enumerator> values = new ArrayList<>();
        for (EnumDecl.Enumerator e : ed.values()) {
            String value;
            if (ed.underlying().isPresent()) {
                macro(e.name(), e.pos());
                value = CDeclarators.constant(ed.underlying().get(), e.value());
            } else {
                ordinary(e.name(), e.pos());
                value = Long.toString(e.value());
            }
            values.add(new Enumerator(doc(e.doc(), SourcePos.NONE), e.name(), value));
        }
        if (ed.underlying().isPresent()) ordinary(ed.name(), ed.pos());
        else tag("enum " + ed.name(), ed.pos());
        String underlying = ed.underlying().map(CDeclarators::scalar).orElse("");
        return new EnumView(doc(ed.doc(), ed.pos()), ed.name(), underlying, values);
    }

    private RecordView record(RecordDecl rd) {
        tag(rd.cName(), rd.pos());
        padCounter = 0;
        memberNames.clear();
        Map<Target, RecordLayout> perTarget = new LinkedHashMap<>();
        List<RecordLayout> each = all.of(rd);
        for (int i = 0; i < layouts.size(); i++) perTarget.put(layouts.get(i).target(), each.get(i));
        Body body = body(rd, perTarget);

        String upper = TargetMacros.sanitise(rd.name());
        String versionMacro = upper + "_VERSION";
        macro(versionMacro, rd.pos());
        List<Presence> presence = new ArrayList<>();
        List<VersionAssignment> versionField = new ArrayList<>();
        List<PinnedOffset> pinned = new ArrayList<>();
        walkMembers(rd, "", (m, condition) -> {
            if (m.traits().since() > 1) {
                String macro = upper + "_HAS_" + TargetMacros.sanitise(m.name());
                macro(macro, m.pos());
                presence.add(new Presence(macro, m.name(), m.traits().since()));
            }
            if (m.traits().versionField()) versionField.add(new VersionAssignment(m.name(), condition));
            if (m.traits().pinnedOffset().isPresent()) {
                pinned.add(new PinnedOffset(m.name(), m.traits().pinnedOffset().getAsLong(), condition));
            }
        });
        if (versionField.size() > 1) {
            error(rd.pos(), rd.cName() + " has " + versionField.size() + " @version_field members; it can have one");
        }
        String initializerMacro = upper + "_INITIALIZER";
        macro(initializerMacro, rd.pos());
        String initFunction = rd.name().toLowerCase(Locale.ROOT) + "_init";
        ordinary(initFunction, rd.pos());
        // C: `{ 0 }` is the universal zero initializer, exempt from -Wmissing-field-initializers;
        // a designated initializer is exempt as well. C++17: `{}` value-initializes every member.
        // A version field that exists on some targets only cannot be named in one initializer:
        // then the initializer zeroes, and the init function sets the field where it exists.
        boolean setVersion = !versionField.isEmpty() && versionField.getFirst().condition().isEmpty();
        String cInit = !setVersion ? "{ 0 }"
                : "{ ." + versionField.getFirst().member() + " = " + versionMacro + " }";
        String cppInit = !setVersion ? "{}"
                : "([] { " + rd.cName() + " init_{}; init_." + versionField.getFirst().member() + " = "
                        + versionMacro + "; return init_; }())";
        return new RecordView(doc(rd.doc(), rd.pos()), body, rd.cName(), versionMacro, rd.traits().version(),
                presence, initializerMacro, cInit, cppInit, initFunction, versionField, pinned);
    }

    private interface MemberVisitor {
        void visit(Member m, String condition);
    }

    /** Named members, anonymous members' members lifted, with the C condition under which each exists. */
    private void walkMembers(RecordDecl rd, String outer, MemberVisitor visitor) {
        for (Member m : rd.members()) {
            String condition = join(outer, condition(m));
            if (m.isAnonymous() && m.type().unwrap() instanceof CType.RecordType r) {
                walkMembers(r.decl(), condition, visitor);
            } else {
                visitor.visit(m, condition);
            }
        }
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return "(" + a + ") && (" + b + ")";
    }

    // --- record bodies and padding -----------------------------------------------------------------

    /**
     * @param layouts the record's layout on each target where it exists (an anonymous record
     *     under an {@code @if} member exists on fewer targets)
     */
    private Body body(RecordDecl rd, Map<Target, RecordLayout> layouts) {
        List<Member> members = rd.members();
        PaddingPlanner.Plan plan = PaddingPlanner.plan(rd, layouts);
        Supplier<String> names = () -> RESERVED_MEMBER_PREFIX + "pad" + padCounter++;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            lines.add(member(members.get(i), layouts));
            padding.line(plan.slots().get(i), layouts, names).ifPresent(lines::add);
        }
        padding.line(plan.slots().get(members.size()), layouts, names).ifPresent(lines::add);
        long align = rd.align().orElse(0);
        boolean flexible = !members.isEmpty() && members.getLast().type() instanceof CType.ArrayType a && a.isFlexible();
        return new Body(rd.kind().keyword(), rd.name(), rd.packed(), align, plan.quiet(), underAlignedRecords(layouts),
                flexible, lines);
    }

    /** Whether some target places a struct or union member less aligned than its type is. */
    private static boolean underAlignedRecords(Map<Target, RecordLayout> layouts) {
        for (RecordLayout l : layouts.values()) {
            for (FieldLayout f : l.fields()) {
                if (f.nested().isPresent() && f.nested().get().align() > f.align()) return true;
            }
        }
        return false;
    }

    private Line member(Member m, Map<Target, RecordLayout> layouts) {
        if (!m.isAnonymous()) {
            if (m.name().startsWith(RESERVED_MEMBER_PREFIX)) {
                error(m.pos(), "member '" + m.name() + "': names starting with " + RESERVED_MEMBER_PREFIX
                        + " are reserved for the padding members of generated C headers");
            }
            if (!memberNames.add(m.name())) {
                error(m.pos(), "member '" + m.name() + "' is declared twice in one struct (anonymous members share their parent's names)");
            }
        }
        String condition = condition(m);
        List<String> doc = new ArrayList<>(m.doc().map(HeaderViewBuilder::lines).orElse(List.of()));
        if (m.traits().since() > 1) doc.add("Since layout version " + m.traits().since() + ".");
        if (m.traits().reserved()) doc.add("Reserved: keep it zero and ignore it; later versions take their members from here.");
        if (m.traits().versionField()) doc.add("The layout version of this instance (set by the initializer).");
        CType base = stripArrays(m.type()).unqualified();
        if (base instanceof CType.RecordType r && r.ref().isAnonymous()) {
            Map<Target, RecordLayout> nested = new LinkedHashMap<>();
            for (var e : layouts.entrySet()) {
                for (FieldLayout f : e.getValue().fields()) {
                    if (f.member() == m) nested.put(e.getKey(), f.nested().orElseThrow());
                }
            }
            String declarator = m.isAnonymous() ? "" : dims(m.type(), m.name());
            // a named member of anonymous record type opens a new member name space
            Set<String> outer = memberNames;
            if (!m.isAnonymous()) memberNames = new LinkedHashSet<>();
            Body body = body(r.decl(), nested);
            memberNames = outer;
            return new NestedLine(doc, condition, body, declarator);
        }
        noteTypes(m.type());
        String decl = c.declare(m.type(), m.name());
        if (CDeclarators.isAtomic(m.type())) {
            decl = prefix + "_ATOMIC_ALIGNAS(" + c.abstractElement(m.type()) + ") " + decl;
        }
        if (m.align().isPresent()) decl = prefix + "_ALIGNAS(" + m.align().getAsLong() + ") " + decl;
        // a flexible array member is C99, an extension in C++: say so, so -pedantic accepts it
        if (m.type() instanceof CType.ArrayType a && a.isFlexible()) decl = prefix + "_EXTENSION " + decl;
        return new FieldLine(doc, condition, decl);
    }

    private String condition(Member m) {
        return m.traits().condition().map(predicates::translate).orElse("");
    }

    // --- assertions --------------------------------------------------------------------------------

    private List<TargetAsserts> asserts() {
        List<TargetAsserts> out = new ArrayList<>();
        for (SpecLayout l : layouts) {
            List<RecordAsserts> records = new ArrayList<>();
            for (RecordLayout r : l.records()) {
                List<OffsetAssert> offsets = new ArrayList<>();
                for (FlatField f : r.flatFields()) offsets.add(new OffsetAssert(f.name(), f.offset()));
                records.add(new RecordAsserts(r.decl().cName(), r.size(), r.align(), offsets));
            }
            out.add(new TargetAsserts(l.target().name(), targetMacros.get(l.target().name()), records));
        }
        return out;
    }

    // --- names -------------------------------------------------------------------------------------

    private void macro(String name, SourcePos pos) {
        SourcePos before = macros.putIfAbsent(name, pos);
        if (before != null) {
            error(pos, "the C header would define macro " + name + " twice"
                    + (before.line() > 0 ? " (the other comes from line " + before.line() + ")" : " (the header reserves it)")
                    + "; rename one");
        }
    }

    private void ordinary(String name, SourcePos pos) {
        SourcePos before = ordinary.putIfAbsent(name, pos);
        if (before != null) {
            error(pos, "the C header would declare '" + name + "' twice"
                    + (before.line() > 0 ? " (the other comes from line " + before.line() + ")" : "") + "; rename one");
        }
    }

    private void tag(String name, SourcePos pos) {
        ordinary(name, pos);
    }

    /** A macro named like any identifier of the header would replace it: report those. */
    private void checkClashes() {
        Set<String> identifiers = new LinkedHashSet<>();
        for (String o : ordinary.keySet()) identifiers.add(o.substring(o.lastIndexOf(' ') + 1));
        for (RecordDecl r : spec.records()) walkMembers(r, "", (m, cond) -> identifiers.add(m.name()));
        for (var e : macros.entrySet()) {
            if (identifiers.contains(e.getKey())) {
                error(e.getValue(), "the C header would define macro " + e.getKey()
                        + ", which is also the name of a type, member or function in it; rename one");
            }
        }
    }

    /** Notes what the header must include for a declaration of {@code type}: {@code bool} anywhere in it. */
    private void noteTypes(CType type) {
        switch (type) {
            case CType.ScalarType s -> usesBool |= s.scalar() == Scalar.BOOL;
            case CType.QualifiedType q -> noteTypes(q.type());
            case CType.ArrayType a -> noteTypes(a.element());
            case CType.PointerType p -> noteTypes(p.target());
            case CType.FunctionType f -> {
                noteTypes(f.result());
                f.paramTypes().forEach(this::noteTypes);
            }
            default -> { } // records, enums and typedefs are declared (and noted) on their own
        }
    }

    private static CType stripArrays(CType t) {
        while (t instanceof CType.ArrayType a) t = a.element();
        return t;
    }

    private static String dims(CType type, String name) {
        StringBuilder sb = new StringBuilder(name);
        for (CType t = type; t instanceof CType.ArrayType a; t = a.element()) {
            sb.append('[').append(a.length().isPresent() ? Long.toString(a.length().getAsLong()) : "").append(']');
        }
        return sb.toString();
    }

    /** Doc comment lines, followed by where in the spec the declaration comes from. */
    private List<String> doc(Optional<String> doc, SourcePos pos) {
        List<String> out = new ArrayList<>(doc.map(HeaderViewBuilder::lines).orElse(List.of()));
        if (pos.line() > 0) {
            if (!out.isEmpty()) out.add("");
            out.add("From " + fileName + ":" + pos.line() + ".");
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        // a doc comment must not close the C comment it is written into
        for (String l : text.split("\n", -1)) out.add(l.replace("*/", "* /").strip());
        return out;
    }

    private void error(SourcePos pos, String message) {
        errors.add(Diagnostic.error(pos, message));
    }
}
