package org.abilayout.codegen.java;

import java.util.Locale;
import java.util.Set;

/** How C names become Java names: records in UpperCamelCase, members kept as C spells them. */
final class JavaNames {
    private JavaNames() {}

    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");

    /** {@code umutex} → {@code Umutex}, {@code rb_node} → {@code RbNode}, {@code _count} → {@code Count}. */
    static String className(String cName) {
        StringBuilder out = new StringBuilder();
        for (String part : cName.split("_")) {
            if (part.isEmpty()) continue;
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, 'C');
        return out.toString();
    }

    /** Names the generated record classes use for their own API; a member named so gets a {@code _}. */
    private static final Set<String> GENERATED_API = Set.of("version", "isKnownVersion", "layout", "target",
            "byteSize", "forHost", "forTarget");

    /**
     * A C member name as a Java accessor name: unchanged unless Java reserves it or the generated
     * class already uses it ({@code class} → {@code class_}, {@code version} → {@code version_}).
     */
    static String memberName(String cName) {
        return RESERVED.contains(cName) || GENERATED_API.contains(cName) ? cName + "_" : cName;
    }

    /** A C constant name as a Java field name. */
    static String constantName(String cName) {
        return identifier(cName);
    }

    /** A name as a Java identifier: unchanged unless Java reserves it. */
    static String identifier(String name) {
        return RESERVED.contains(name) ? name + "_" : name;
    }
}
