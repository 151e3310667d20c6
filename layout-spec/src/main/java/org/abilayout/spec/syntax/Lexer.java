package org.abilayout.spec.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;

/**
 * Turns spec text into tokens on demand ({@link #next()}), so a ten-megabyte file is never held
 * as a token list. Comments are skipped; {@code ///} doc comments are attached to the token that
 * follows them. Problems (unterminated comments and literals, invalid characters, literals too
 * large for 64 bits, preprocessor lines) are reported and skipped so lexing always goes on.
 */
public final class Lexer {
    /** The value of a literal that was reported as invalid; real literals are never negative. */
    public static final BigInteger INVALID = BigInteger.ONE.negate();

    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final SourceFile source;
    private final String text;
    private final Reporter reporter;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Whether only whitespace precedes {@link #pos} on its line: where a '#' starts a directive. */
    private boolean atLineStart = true;
    private final List<String> docLines = new ArrayList<>();
    private int lastDocLine = -1;

    public Lexer(SourceFile source, Reporter reporter) {
        this.source = source;
        this.text = source.text();
        this.reporter = reporter;
    }

    private SourcePos posAt(int offset) {
        // offsets handed in here are always on the current line
        return new SourcePos(source.name(), line, offset - lineStart + 1, offset);
    }

    /** The next token; {@link TokenKind#EOF} forever at the end. */
    public Token next() {
        boolean space = skipTrivia();
        Optional<String> doc = docLines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", docLines));
        docLines.clear();
        int start = pos;
        SourcePos p = posAt(start);
        if (pos >= text.length()) return new Token(TokenKind.EOF, "", p, pos, BigInteger.ZERO, doc, space);
        atLineStart = false;
        char c = text.charAt(pos);
        if (isIdentStart(c)) {
            while (pos < text.length() && isIdentPart(text.charAt(pos))) pos++;
            return new Token(TokenKind.IDENT, text.substring(start, pos), p, pos, BigInteger.ZERO, doc, space);
        }
        if (c >= '0' && c <= '9') return number(p, doc, space);
        if (c == '\'') return charLiteral(p, doc, space);
        if (c == '"') return stringLiteral(p, doc, space);
        TokenKind k = punctuator();
        if (k != null) {
            return new Token(k, k.spelling(), p, pos, BigInteger.ZERO, doc, space);
        }
        // an invalid character: report and carry on with the next token
        int cp = text.codePointAt(pos);
        pos += Character.charCount(cp);
        reporter.error(p, "invalid character " + describeCodePoint(cp));
        return next();
    }

    static String describeCodePoint(int cp) {
        String u = String.format(Locale.ROOT, "U+%04X", cp);
        boolean printable = cp > 0x20 && cp != 0x7f && !Character.isISOControl(cp) && Character.isDefined(cp)
                && !Character.isWhitespace(cp) && Character.getType(cp) != Character.FORMAT;
        return printable ? u + " '" + Character.toString(cp) + "'" : u;
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }

    /** Skips whitespace, comments and preprocessor lines; returns whether anything was skipped. */
    private boolean skipTrivia() {
        int before = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                atLineStart = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                int end = text.indexOf('\n', pos);
                if (end < 0) end = text.length();
                boolean isDoc = pos + 2 < text.length() && text.charAt(pos + 2) == '/'
                        && !(pos + 3 < text.length() && text.charAt(pos + 3) == '/');
                if (isDoc) {
                    // only consecutive lines form one comment: an earlier, separated block is dropped
                    if (line != lastDocLine + 1) docLines.clear();
                    lastDocLine = line;
                    String body = text.substring(pos + 3, end);
                    if (body.endsWith("\r")) body = body.substring(0, body.length() - 1);
                    if (body.startsWith(" ")) body = body.substring(1);
                    docLines.add(body);
                }
                pos = end;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                blockComment();
            } else if (c == '#' && atLineStart) {
                reporter.error(posAt(pos), "preprocessor directives are not part of the spec language; "
                        + "use @if(...) for per-target members");
                skipDirective();
            } else {
                break;
            }
        }
        return pos > before;
    }

    private void blockComment() {
        SourcePos open = posAt(pos);
        pos += 2;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '*' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                pos += 2;
                return;
            }
            pos++;
            if (c == '\n') {
                line++;
                lineStart = pos;
            }
        }
        reporter.error(open, "unterminated /* comment");
    }

    /** Skips a directive line, honouring backslash-newline continuations as the preprocessor would. */
    private void skipDirective() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                boolean continued = pos > 0 && text.charAt(pos - 1) == '\\'
                        || pos > 1 && text.charAt(pos - 1) == '\r' && text.charAt(pos - 2) == '\\';
                if (!continued) return;
                pos++;
                line++;
                lineStart = pos;
            } else {
                pos++;
            }
        }
    }

    private Token number(SourcePos p, Optional<String> doc, boolean space) {
        int start = pos;
        // consume a C pp-number-like run so "12abc" is one bad literal, not a number and a name
        while (pos < text.length() && isIdentPart(text.charAt(pos))) pos++;
        String lit = text.substring(start, pos);
        int radix = 10;
        int i = 0;
        if (lit.length() > 1 && lit.charAt(0) == '0') {
            char x = lit.charAt(1);
            if (x == 'x' || x == 'X') {
                radix = 16;
                i = 2;
            } else if (x == 'b' || x == 'B') {
                radix = 2;
                i = 2;
            } else {
                radix = 8;
                i = 1;
            }
        }
        int digitsStart = i;
        while (i < lit.length() && Character.digit(lit.charAt(i), radix == 8 || radix == 2 ? 10 : radix) >= 0) i++;
        String digits = lit.substring(digitsStart, i);
        String suffix = lit.substring(i);
        Token bad = new Token(TokenKind.INT, lit, p, pos, INVALID, doc, space);
        if (radix != 10 && radix != 8 && digits.isEmpty()) {
            reporter.error(p, "missing digits after '" + lit.substring(0, 2) + "'");
            return bad;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                reporter.error(posAt(start + digitsStart + k), "invalid digit '" + digits.charAt(k) + "' in "
                        + (radix == 8 ? "octal" : "binary") + " literal");
                return bad;
            }
        }
        if (!validSuffix(suffix)) {
            reporter.error(posAt(start + i), "invalid suffix '" + Names.shorten(suffix) + "' on integer literal");
            return bad;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger r = BigInteger.valueOf(radix);
        for (int k = 0; k < digits.length(); k++) {
            value = value.multiply(r).add(BigInteger.valueOf(Character.digit(digits.charAt(k), radix)));
            // checked per digit: a million-digit literal must not cost quadratic time
            if (value.compareTo(MAX_U64) > 0) {
                reporter.error(p, "integer literal is too large for 64 bits");
                return bad;
            }
        }
        return new Token(TokenKind.INT, lit, p, pos, value, doc, space);
    }

    private static boolean validSuffix(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "", "u", "l", "ul", "lu", "ll", "ull", "llu" -> !s.contains("lL") && !s.contains("Ll");
            default -> false;
        };
    }

    private Token charLiteral(SourcePos p, Optional<String> doc, boolean space) {
        int start = pos;
        pos++;
        List<Integer> values = new ArrayList<>();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                reporter.error(p, "unterminated character literal");
                return new Token(TokenKind.CHAR, text.substring(start, pos), p, pos, INVALID, doc, space);
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\') {
                int v = escape();
                if (v >= 0) values.add(v);
            } else {
                int cp = text.codePointAt(pos);
                pos += Character.charCount(cp);
                values.add(cp);
            }
        }
        String lit = text.substring(start, pos);
        if (values.size() != 1) {
            reporter.error(p, values.isEmpty() ? "empty character literal" : "multi-character literals are not supported");
            return new Token(TokenKind.CHAR, lit, p, pos, INVALID, doc, space);
        }
        int v = values.getFirst();
        if (v > 0x7f) {
            reporter.error(p, "character literal is not ASCII; write its value as a number");
            v = 0;
        }
        return new Token(TokenKind.CHAR, lit, p, pos, BigInteger.valueOf(v), doc, space);
    }

    /** Reads an escape sequence at {@link #pos} (a backslash); returns its value or -1 after reporting. */
    private int escape() {
        SourcePos p = posAt(pos);
        pos++;
        if (pos >= text.length() || text.charAt(pos) == '\n') return -1; // reported as unterminated
        char c = text.charAt(pos++);
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            case '?': return '?';
            case 'x': {
                int v = 0;
                int n = 0;
                while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0 && n < 8) {
                    v = v * 16 + Character.digit(text.charAt(pos++), 16);
                    n++;
                }
                if (n == 0) {
                    reporter.error(p, "\\x used with no following hex digits");
                    return -1;
                }
                return v;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int n = 1; n < 3 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; n++) {
                        v = v * 8 + text.charAt(pos++) - '0';
                    }
                    return v;
                }
                reporter.error(p, "unknown escape sequence '\\" + c + "'");
                return -1;
        }
    }

    private Token stringLiteral(SourcePos p, Optional<String> doc, boolean space) {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                reporter.error(p, "unterminated string literal");
                break;
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            pos += c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n' ? 2 : 1;
        }
        return new Token(TokenKind.STRING, text.substring(start, pos), p, pos, BigInteger.ZERO, doc, space);
    }

    /** Consumes the longest punctuator at {@link #pos}, or returns null if there is none. */
    private TokenKind punctuator() {
        char c = text.charAt(pos);
        char d = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        TokenKind two = switch (c) {
            case '<' -> d == '<' ? TokenKind.SHL : d == '=' ? TokenKind.LE : null;
            case '>' -> d == '>' ? TokenKind.SHR : d == '=' ? TokenKind.GE : null;
            case '=' -> d == '=' ? TokenKind.EQ : null;
            case '!' -> d == '=' ? TokenKind.NE : null;
            case '&' -> d == '&' ? TokenKind.ANDAND : null;
            case '|' -> d == '|' ? TokenKind.OROR : null;
            default -> null;
        };
        if (two != null) {
            pos += 2;
            return two;
        }
        if (c == '.' && d == '.' && pos + 2 < text.length() && text.charAt(pos + 2) == '.') {
            pos += 3;
            return TokenKind.ELLIPSIS;
        }
        TokenKind one = switch (c) {
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ';' -> TokenKind.SEMI;
            case ',' -> TokenKind.COMMA;
            case ':' -> TokenKind.COLON;
            case '*' -> TokenKind.STAR;
            case '=' -> TokenKind.ASSIGN;
            case '@' -> TokenKind.AT;
            case '.' -> TokenKind.DOT;
            case '?' -> TokenKind.QUESTION;
            case '~' -> TokenKind.TILDE;
            case '!' -> TokenKind.BANG;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '/' -> TokenKind.SLASH;
            case '%' -> TokenKind.PERCENT;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '&' -> TokenKind.AMP;
            case '^' -> TokenKind.CARET;
            case '|' -> TokenKind.PIPE;
            default -> null;
        };
        if (one != null) pos++;
        return one;
    }
}
