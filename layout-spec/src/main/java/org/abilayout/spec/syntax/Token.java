package org.abilayout.spec.syntax;

import java.math.BigInteger;
import java.util.Optional;
import org.abilayout.spec.source.SourcePos;

/**
 * One token.
 *
 * @param text the source text of the token (for literals, as written)
 * @param pos where it starts
 * @param end the character offset just past it (adjacency of tokens matters for target names
 *     such as {@code x86_64-linux-gnu} in annotation arguments)
 * @param value the value of an integer or character literal; zero otherwise
 * @param doc the {@code ///} comment lines right before this token, joined by '\n'
 * @param spaceBefore whether whitespace or a comment separates it from the previous token
 */
public record Token(TokenKind kind, String text, SourcePos pos, int end, BigInteger value, Optional<String> doc,
        boolean spaceBefore) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** True for an identifier (or keyword) spelled {@code word}. */
    public boolean isWord(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }

    /** A short description for "found X" messages; long junk is cut. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case IDENT, INT, CHAR, STRING -> "'" + Names.shorten(text) + "'";
            default -> kind.describe();
        };
    }
}
