/** The emitters: C headers, Java accessors, reports; they return file values, written by one writer. */
module org.abilayout.codegen {
    requires transitive org.abilayout.compat;
    requires transitive com.palantir.javapoet;
    requires freemarker;
    requires java.compiler; // JavaPoet spells modifiers with javax.lang.model

    exports org.abilayout.codegen;
    exports org.abilayout.codegen.c;
    exports org.abilayout.codegen.java;
    exports org.abilayout.codegen.report;
    // FreeMarker loads the header templates and reads the view records of this package
    opens org.abilayout.codegen.c to freemarker;
}
