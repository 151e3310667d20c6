package org.abilayout.layout;

import org.abilayout.spec.source.SourcePos;

/**
 * Internal control flow of the engine: a spec that cannot be laid out on a target (an object
 * larger than the target allows, a {@code @pad_to} that is not a multiple of the alignment).
 * {@link LayoutEngine#layoutAll} turns it into a diagnostic naming the targets.
 */
final class LayoutProblem extends Exception {
    final SourcePos pos;

    LayoutProblem(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }
}
