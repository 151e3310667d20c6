/** The {@code abilayout} command. Nothing is exported: it is an application. */
module org.abilayout.cli {
    requires org.abilayout.codegen;
    requires info.picocli;

    // picocli fills the commands' fields and calls their methods reflectively
    opens org.abilayout.cli to info.picocli;
}
