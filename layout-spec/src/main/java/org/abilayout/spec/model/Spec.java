package org.abilayout.spec.model;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.SourceFile;

/**
 * A resolved spec: every name bound, every constant evaluated, every annotation checked. The only
 * contract between the front end (parser, resolver) and the back ends (layout engine, emitters).
 *
 * @param packageName the {@code package a.b.c;} name
 * @param source the file it came from
 * @param decls the declarations in source order
 */
public record Spec(String packageName, SourceFile source, List<Decl> decls) {
    public Spec {
        decls = List.copyOf(decls);
    }

    /** The named structs and unions in source order (anonymous nested records are reachable via members). */
    public List<RecordDecl> records() {
        return decls.stream().filter(d -> d instanceof RecordDecl).map(d -> (RecordDecl) d).toList();
    }

    public Optional<Decl> decl(String name) {
        return decls.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<RecordDecl> record(String name) {
        return records().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
