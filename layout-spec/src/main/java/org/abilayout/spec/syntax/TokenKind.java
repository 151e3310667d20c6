package org.abilayout.spec.syntax;

/** The kinds of token of the spec language. Keywords are {@link #IDENT}s; the parser reads their text. */
public enum TokenKind {
    IDENT, INT, CHAR, STRING,
    LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    SEMI(";"), COMMA(","), COLON(":"), STAR("*"), ASSIGN("="), AT("@"), DOT("."), ELLIPSIS("..."),
    QUESTION("?"), TILDE("~"), BANG("!"), PLUS("+"), MINUS("-"), SLASH("/"), PERCENT("%"),
    SHL("<<"), SHR(">>"), LT("<"), GT(">"), LE("<="), GE(">="), EQ("=="), NE("!="),
    AMP("&"), CARET("^"), PIPE("|"), ANDAND("&&"), OROR("||"),
    EOF;

    private final String spelling;

    TokenKind() {
        this.spelling = null;
    }

    TokenKind(String spelling) {
        this.spelling = spelling;
    }

    /** The fixed text of a punctuator; empty for the other kinds. */
    public String spelling() {
        return spelling == null ? "" : spelling;
    }

    /** How the token is described in "expected X" messages. */
    public String describe() {
        return switch (this) {
            case IDENT -> "a name";
            case INT -> "an integer";
            case CHAR -> "a character literal";
            case STRING -> "a string literal";
            case EOF -> "end of file";
            default -> "'" + spelling + "'";
        };
    }
}
