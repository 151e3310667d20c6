/** What generated Java accessors link against: host target detection, version guards, access helpers. */
module org.abilayout.runtime {
    requires transitive org.abilayout.arch;

    exports org.abilayout.runtime;
}
