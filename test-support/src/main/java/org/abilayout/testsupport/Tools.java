package org.abilayout.testsupport;

import java.nio.file.Path;
import org.abilayout.arch.DebianTool;

/** {@link ToolLookup#environment()} for the common case: {@code Tools.require(SuiteTools.ABIDIFF)}. */
public final class Tools {
    private Tools() {}

    /** The tool's executable, or the calling test is skipped (or fails under {@value ToolLookup#REQUIRE_ENV}=1). */
    public static Path require(DebianTool tool) {
        return ToolLookup.environment().require(tool);
    }

    /** Whether the tool is on {@code PATH}. */
    public static boolean installed(DebianTool tool) {
        return ToolLookup.environment().find(tool).isPresent();
    }
}
