/** The target catalogue: the one place of per-target knowledge. */
module org.abilayout.arch {
    exports org.abilayout.arch;
}
