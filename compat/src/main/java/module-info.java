/** The compatibility checker, the lock of released layouts, and freezing. */
module org.abilayout.compat {
    requires transitive org.abilayout.spec;

    exports org.abilayout.compat;
}
