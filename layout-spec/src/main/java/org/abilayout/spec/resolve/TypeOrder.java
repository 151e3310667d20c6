package org.abilayout.spec.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.abilayout.spec.resolve.NameTable.Def;
import org.abilayout.spec.resolve.NameTable.TypedefName;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Names;
import org.abilayout.spec.syntax.Syntax;
import org.abilayout.spec.syntax.Syntax.DeclSpecs;
import org.abilayout.spec.syntax.Syntax.Declarator;

/**
 * Stage 3 of the resolver: the named structs, unions and typedefs in an order where everything a
 * type contains by value comes before it, found by an iterative depth-first search (a chain of
 * 100,000 structs must not overflow the stack). Cycles of containment by value ({@code a -> b ->
 * a}) are reported here, once each, at the first by-value use on the cycle; their members are
 * left out of the order, so later stages never meet a cycle. A pointer breaks containment.
 *
 * @param order the types to build, contained ones first
 */
record TypeOrder(List<Entity> order) {

    /** A named type the resolver builds. */
    sealed interface Entity permits RecordEntity, TypedefEntity {
        String display();
    }

    record RecordEntity(Syntax.RecordNode node, String display) implements Entity {}

    record TypedefEntity(Syntax.TypedefNode node, Declarator declarator, String display, SourcePos pos)
            implements Entity {}

    TypeOrder {
        order = List.copyOf(order);
    }

    private record Edge(Entity target, SourcePos pos) {}

    /** A step of the depth-first search: an entity and the index of its next edge. */
    private record Frame(Entity entity, List<Edge> edges, int[] next) {}

    static TypeOrder of(Syntax.File file, NameTable names, Reporter reporter) {
        Map<String, RecordEntity> records = new LinkedHashMap<>();
        Map<String, TypedefEntity> typedefs = new LinkedHashMap<>();
        List<Entity> all = new ArrayList<>();
        // entities in source order, so errors and the build follow the file
        for (Syntax.TopLevel top : file.decls()) {
            for (Def d : names.defsOf().get(top)) {
                if (d.spec() instanceof Syntax.RecordDef rd && names.definesRecord(rd.node())) {
                    RecordEntity re = new RecordEntity(rd.node(), rd.node().tag().get());
                    records.put(re.display(), re);
                    all.add(re);
                }
            }
            if (top instanceof Syntax.TypedefNode t) {
                for (Declarator d : t.declarators()) {
                    Optional<Syntax.Ident> id = NameTable.identOf(d);
                    if (id.isPresent() && names.ordinary().get(id.get().name()) instanceof TypedefName tn
                            && tn.declarator() == d) {
                        TypedefEntity te = new TypedefEntity(t, d, id.get().name(), tn.pos());
                        typedefs.put(te.display(), te);
                        all.add(te);
                    }
                }
            }
        }
        Map<Entity, List<Edge>> edges = new IdentityHashMap<>();
        for (Entity e : all) {
            List<Edge> out = new ArrayList<>();
            switch (e) {
                case RecordEntity r -> membersDeps(r.node(), records, typedefs, out);
                case TypedefEntity t -> deps(t.node().specs(), Optional.of(t.declarator()), records, typedefs, out);
            }
            edges.put(e, out);
        }
        Map<Entity, Integer> state = new IdentityHashMap<>(); // absent: new, 1: on the path, 2: done
        Set<Entity> broken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Entity> order = new ArrayList<>();
        for (Entity root : all) {
            if (state.containsKey(root)) continue;
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(root, edges.get(root), new int[1]));
            state.put(root, 1);
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                if (f.next()[0] < f.edges().size()) {
                    Edge edge = f.edges().get(f.next()[0]++);
                    Integer s = state.get(edge.target());
                    if (s == null) {
                        state.put(edge.target(), 1);
                        stack.push(new Frame(edge.target(), edges.get(edge.target()), new int[1]));
                    } else if (s == 1) {
                        reportCycle(stack, edge.target(), broken, reporter);
                    }
                } else {
                    stack.pop();
                    state.put(f.entity(), 2);
                    order.add(f.entity());
                }
            }
        }
        order.removeIf(broken::contains);
        return new TypeOrder(order);
    }

    private static void reportCycle(Deque<Frame> stack, Entity start, Set<Entity> broken, Reporter reporter) {
        // the stack holds the path, top first; the cycle runs from `start` up to the top
        List<Frame> path = new ArrayList<>(stack);
        Collections.reverse(path);
        List<String> names = new ArrayList<>();
        SourcePos pos = null;
        boolean inCycle = false;
        boolean alreadyBroken = true;
        for (Frame f : path) {
            if (f.entity() == start) inCycle = true;
            if (!inCycle) continue;
            names.add(Names.shorten(f.entity().display()));
            if (broken.add(f.entity())) alreadyBroken = false;
            // reported at the first by-value use on the cycle: the member of `start` that begins it
            if (pos == null) pos = f.edges().get(f.next()[0] - 1).pos();
        }
        names.add(Names.shorten(start.display()));
        if (alreadyBroken) return;
        reporter.error(pos, "recursive containment by value: " + String.join(" -> ", names)
                + " (a type cannot contain itself; use a pointer)");
    }

    private static void membersDeps(Syntax.RecordNode node, Map<String, RecordEntity> records,
            Map<String, TypedefEntity> typedefs, List<Edge> out) {
        for (Syntax.MemberNode m : node.members()) {
            if (m.declarators().isEmpty()) deps(m.specs(), Optional.empty(), records, typedefs, out);
            for (Declarator d : m.declarators()) deps(m.specs(), Optional.of(d), records, typedefs, out);
        }
    }

    /** By-value uses of other structs and typedefs: a pointer breaks containment. */
    private static void deps(DeclSpecs specs, Optional<Declarator> d, Map<String, RecordEntity> records,
            Map<String, TypedefEntity> typedefs, List<Edge> out) {
        if (d.isPresent() && NameTable.hasPointer(d.get())) return;
        switch (specs.type()) {
            case Syntax.RecordRef r -> {
                RecordEntity e = records.get(r.tag());
                if (e != null) out.add(new Edge(e, r.pos()));
            }
            case Syntax.Named n -> {
                TypedefEntity e = typedefs.get(n.name());
                if (e != null) out.add(new Edge(e, n.pos()));
            }
            case Syntax.RecordDef rd -> {
                if (rd.node().tag().isPresent()) {
                    RecordEntity e = records.get(rd.node().tag().get());
                    if (e != null) out.add(new Edge(e, rd.node().namePos()));
                } else {
                    membersDeps(rd.node(), records, typedefs, out);
                }
            }
            case Syntax.AtomicOf a -> deps(a.inner(), Optional.of(a.declarator()), records, typedefs, out);
            default -> { }
        }
    }
}
