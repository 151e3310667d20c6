package org.abilayout.codegen.c;

import java.util.Locale;
import org.abilayout.arch.Target;

/**
 * The names a generated header gives catalogue targets, and the condition that identifies each:
 * the catalogue's own {@link Target#macroCondition()}, true for exactly that target. clang-19
 * {@code -target NAME} and the GCC reference compilers prove in abi-tests that every catalogue
 * target matches exactly one.
 */
public final class TargetMacros {
    private TargetMacros() {}

    /** {@code PREFIX_TARGET_X86_64_LINUX_GNU}: the macro the identification block defines for a target. */
    public static String macro(String prefix, String targetName) {
        return prefix + "_TARGET_" + sanitise(targetName);
    }

    /** A C identifier fragment: letters and digits upper-cased, everything else an underscore. */
    public static String sanitise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The preprocessor condition that holds exactly when compiling for {@code target}. */
    public static String condition(Target target) {
        return target.macroCondition();
    }
}
