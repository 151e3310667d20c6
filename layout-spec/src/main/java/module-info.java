/**
 * The spec language, the model (types as values), the C declarator writer and the layout
 * engine. The syntax tree and the resolver's stages are internal: other modules get the
 * resolved {@link org.abilayout.spec.model.Spec} from {@link org.abilayout.spec.SpecReader}.
 */
module org.abilayout.spec {
    requires transitive org.abilayout.arch;

    exports org.abilayout.spec;
    exports org.abilayout.spec.cdecl;
    exports org.abilayout.spec.model;
    exports org.abilayout.spec.predicate;
    exports org.abilayout.spec.source;
    exports org.abilayout.spec.traits;
    exports org.abilayout.layout;
    exports org.abilayout.json;
}
