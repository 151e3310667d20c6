package org.abilayout.spec.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.syntax.Syntax.*;

/**
 * Recursive-descent parser: tokens → {@link Syntax.File}. It knows C declaration syntax but
 * nothing about what names mean (the resolver binds them), so a struct may use a type declared
 * later.
 *
 * <p>Errors are reported and the parser recovers at the next {@code ;} or closing {@code }} so
 * one run shows every error. Recursion is bounded by {@link #MAX_DEPTH} nesting levels (braces,
 * parentheses, declarator parts, unary operators) and expressions by {@link #MAX_OPERATORS}
 * operators, so hostile input ends in one "nesting too deep" error, never a stack overflow.
 */
public final class Parser {
    /** Nesting levels before the parser gives up on a declaration. */
    public static final int MAX_DEPTH = 200;
    /** Operators in one constant expression (its tree depth is evaluated recursively). */
    public static final int MAX_OPERATORS = 1000;

    /** Annotations whose argument list is kept as raw text (their own language parses it later). */
    private static final Set<String> RAW_TEXT_ANNOTATIONS = Set.of("if");

    private static final Set<String> TYPE_WORDS = Set.of("void", "char", "short", "int", "long", "float",
            "double", "signed", "unsigned", "_Bool", "bool", "_Complex");
    private static final Set<String> STORAGE_CLASSES = Set.of("static", "extern", "register", "auto", "inline",
            "_Thread_local", "thread_local", "constexpr");
    private static final Set<String> ATTRIBUTE_WORDS = Set.of("__attribute__", "__attribute", "__declspec",
            "_Alignas", "alignas", "__packed", "__aligned", "__extension__");

    private final Lexer lexer;
    private final Reporter reporter;
    private final String text;
    private final List<Token> ahead = new ArrayList<>();
    private int depth;
    private int braceDepth;
    private int exprOps;
    private boolean tooDeepReported;

    private Parser(SourceFile source, Reporter reporter) {
        this.lexer = new Lexer(source, reporter);
        this.reporter = reporter;
        this.text = source.text();
    }

    /** Parses a whole file, reporting every syntax error to {@code reporter}. */
    public static Syntax.File parse(SourceFile source, Reporter reporter) {
        return new Parser(source, reporter).file();
    }

    // --- recovery control flow -------------------------------------------------------------------

    /** A syntax error that was reported; unwinds to the nearest recovery point. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    /** Nesting beyond {@link #MAX_DEPTH}; unwinds to the top level (reported once per file). */
    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private ParseError error(SourcePos pos, String message) {
        reporter.error(pos, message);
        return new ParseError();
    }

    private void enter(SourcePos pos) {
        if (depth >= MAX_DEPTH) {
            if (!tooDeepReported) {
                tooDeepReported = true;
                reporter.error(pos, "nesting too deep (more than " + MAX_DEPTH + " levels)");
            }
            throw new TooDeep();
        }
        depth++;
    }

    private void leave() {
        depth--;
    }

    // --- token access ----------------------------------------------------------------------------

    private Token peek() {
        return peek(0);
    }

    private Token peek(int k) {
        while (ahead.size() <= k) ahead.add(lexer.next());
        return ahead.get(k);
    }

    private Token advance() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) ahead.removeFirst();
        if (t.is(TokenKind.LBRACE)) braceDepth++;
        if (t.is(TokenKind.RBRACE) && braceDepth > 0) braceDepth--;
        return t;
    }

    private boolean at(TokenKind k) {
        return peek().kind() == k;
    }

    private boolean accept(TokenKind k) {
        if (!at(k)) return false;
        advance();
        return true;
    }

    private Token expect(TokenKind k, String context) {
        if (at(k)) return advance();
        throw error(peek().pos(), "expected " + k.describe() + context + ", found " + peek().describe());
    }

    /** Expects the {@code ;} ending a declaration; before a {@code }} it reports without unwinding. */
    private void expectSemi(String context) {
        if (accept(TokenKind.SEMI)) return;
        ParseError e = error(peek().pos(), "expected ';' " + context + ", found " + peek().describe());
        if (!at(TokenKind.RBRACE)) throw e;
    }

    private static boolean endsDeclarator(Token t) {
        return switch (t.kind()) {
            case SEMI, COMMA, LBRACKET, COLON, ASSIGN, RPAREN -> true;
            default -> false;
        };
    }

    private static boolean isName(Token t) {
        return t.is(TokenKind.IDENT) && !Names.KEYWORDS.contains(t.text());
    }

    /** Skips to just after the {@code ;} ending the current top-level declaration, or its closing brace. */
    private void syncTopLevel() {
        while (!at(TokenKind.EOF)) {
            Token t = advance();
            if (braceDepth == 0 && t.is(TokenKind.SEMI)) return;
            if (braceDepth == 0 && t.is(TokenKind.RBRACE)) {
                accept(TokenKind.SEMI);
                return;
            }
        }
    }

    /** Skips to after the {@code ;} ending the current member, or to the {@code }} closing the body. */
    private void syncMember(int bodyDepth) {
        while (!at(TokenKind.EOF)) {
            if (braceDepth == bodyDepth && at(TokenKind.RBRACE)) return;
            if (braceDepth < bodyDepth) return;
            Token t = advance();
            if (braceDepth == bodyDepth && t.is(TokenKind.SEMI)) return;
        }
    }

    // --- file and top-level declarations -----------------------------------------------------------

    private Syntax.File file() {
        String pkg = "";
        SourcePos pkgPos = peek().pos();
        try {
            if (peek().isWord("package")) {
                advance();
                pkgPos = peek().pos();
                StringBuilder name = new StringBuilder(expectName("a package name").text());
                while (accept(TokenKind.DOT)) name.append('.').append(expectName("a package name part").text());
                expectSemi("after the package name");
                pkg = name.toString();
            } else {
                reporter.error(peek().pos(), "a spec must start with 'package NAME;' (found " + peek().describe() + ")");
            }
        } catch (ParseError e) {
            syncTopLevel();
        }
        List<TopLevel> decls = new ArrayList<>();
        while (!at(TokenKind.EOF)) {
            try {
                topLevel(decls);
            } catch (ParseError | TooDeep e) {
                depth = 0;
                syncTopLevel();
            }
        }
        return new Syntax.File(pkg, pkgPos, decls);
    }

    private Token expectName(String what) {
        Token t = peek();
        if (isName(t)) return advance();
        if (t.is(TokenKind.IDENT)) throw error(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
        throw error(t.pos(), "expected " + what + ", found " + t.describe());
    }

    private void topLevel(List<TopLevel> out) {
        Optional<String> doc = peek().doc();
        List<Annotation> annotations = annotations();
        if (doc.isEmpty()) doc = peek().doc();
        Token first = peek();
        SourcePos pos = first.pos();
        if (first.is(TokenKind.SEMI) && annotations.isEmpty()) {
            advance(); // a stray ';' between declarations is harmless
            return;
        }
        if (first.is(TokenKind.EOF)) {
            if (!annotations.isEmpty()) {
                reporter.error(annotations.getLast().pos(), "annotation is not followed by a declaration");
            }
            return;
        }
        if (first.isWord("package")) throw error(pos, "duplicate package declaration; it must come once, first");
        if (first.isWord("typedef")) {
            advance();
            DeclSpecs specs = declSpecs();
            List<Declarator> ds = new ArrayList<>();
            do {
                ds.add(declarator(Mode.NAMED, "a typedef name"));
            } while (accept(TokenKind.COMMA));
            expectSemi("after typedef");
            out.add(new TypedefNode(doc, annotations, specs, ds, pos));
            return;
        }
        if (!first.is(TokenKind.IDENT)) {
            throw error(pos, "expected a declaration (struct, union, enum, typedef or const), found " + first.describe());
        }
        DeclSpecs specs = declSpecs();
        if (accept(TokenKind.SEMI)) {
            out.add(new TypeDecl(doc, annotations, specs, pos));
            return;
        }
        boolean definition = specs.type() instanceof RecordDef || specs.type() instanceof EnumDef;
        if (definition && !(isName(peek()) || at(TokenKind.STAR) || at(TokenKind.LPAREN))) {
            // "struct a { ... }" followed by the next declaration: report and carry on as if ';' were there
            reporter.error(peek().pos(), "expected ';' after the definition, found " + peek().describe());
            out.add(new TypeDecl(doc, annotations, specs, pos));
            return;
        }
        if (definition) out.add(new TypeDecl(doc, annotations, specs, pos));
        if (at(TokenKind.ASSIGN) && specs.type() instanceof Named n) {
            throw error(n.pos(), "missing type: write 'const T " + Names.shorten(n.name()) + " = value;' with an integer type T");
        }
        do {
            Declarator d = declarator(Mode.NAMED, "a name");
            if (!at(TokenKind.ASSIGN)) {
                throw error(d.pos(), "only types and constants can be declared in a spec; a constant is written "
                        + "'const T NAME = value;'");
            }
            advance();
            Expr value = constExpr();
            out.add(new ConstNode(doc, annotations, specs, d, value, d.pos()));
        } while (accept(TokenKind.COMMA));
        expectSemi("after the constant");
    }

    // --- annotations -----------------------------------------------------------------------------

    private List<Annotation> annotations() {
        List<Annotation> out = new ArrayList<>();
        while (at(TokenKind.AT)) {
            Token at = advance();
            Token name = peek();
            if (!name.is(TokenKind.IDENT) || name.spaceBefore()) {
                throw error(name.pos(), "expected an annotation name right after '@', found " + name.describe());
            }
            advance();
            List<Arg> args = List.of();
            if (at(TokenKind.LPAREN)) {
                args = RAW_TEXT_ANNOTATIONS.contains(name.text()) ? List.of(rawArgs(name.text())) : args();
            }
            out.add(new Annotation(name.text(), args, at.pos()));
        }
        return out;
    }

    /** The raw text between balanced parentheses, for predicate annotations. */
    private Arg rawArgs(String annotation) {
        Token open = advance();
        int parens = 1;
        SourcePos first = peek().pos();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF) || t.is(TokenKind.SEMI) || t.is(TokenKind.LBRACE) || t.is(TokenKind.RBRACE)) {
                throw error(t.pos(), "expected ')' to close @" + annotation + "( opened at line " + open.pos().line()
                        + ", found " + t.describe());
            }
            advance();
            if (t.is(TokenKind.LPAREN)) parens++;
            if (t.is(TokenKind.RPAREN) && --parens == 0) {
                String raw = text.substring(open.end(), t.pos().offset()).strip();
                return new TextArg(raw, raw.isEmpty() ? t.pos() : first);
            }
        }
    }

    /** The value of a string literal token: quotes removed, C escapes for quote, backslash, n and t. */
    private static String unquote(String literal) {
        String body = literal.length() >= 2 && literal.endsWith("\"") ? literal.substring(1, literal.length() - 1)
                : literal.substring(1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private List<Arg> args() {
        Token open = advance();
        enter(open.pos());
        try {
            List<Arg> out = new ArrayList<>();
            if (accept(TokenKind.RPAREN)) return out;
            do {
                out.add(arg());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN, " after annotation arguments");
            return out;
        } finally {
            leave();
        }
    }

    private Arg arg() {
        Token t = peek();
        int run = dashedRun();
        if (t.is(TokenKind.IDENT) && peek(1).is(TokenKind.COLON)) {
            advance();
            advance();
            return new KeyedArg(t.text(), argValue(), t.pos());
        }
        if (run > 0 && peek(run).is(TokenKind.COLON)) {
            DashedName key = dashedName(run);
            advance();
            return new KeyedArg(key.text(), argValue(), key.pos());
        }
        return argValue();
    }

    private Arg argValue() {
        if (peek().is(TokenKind.STRING)) {
            Token t = advance();
            return new StringArg(unquote(t.text()), t.pos());
        }
        int run = dashedRun();
        if (run > 0) return dashedName(run);
        return new ExprArg(constExpr());
    }

    /**
     * The number of tokens of a name like {@code x86_64-linux-gnu} at the cursor: words and numbers
     * joined by {@code -} or {@code .} with no space between, starting with a word, ending before
     * {@code ,} {@code )} or {@code :}. Zero if there is none.
     */
    private int dashedRun() {
        if (!peek().is(TokenKind.IDENT)) return 0;
        int n = 1;
        while (n < 64) {
            Token joiner = peek(n);
            Token part = peek(n + 1);
            boolean joins = (joiner.is(TokenKind.MINUS) || joiner.is(TokenKind.DOT)) && !joiner.spaceBefore()
                    && (part.is(TokenKind.IDENT) || part.is(TokenKind.INT)) && !part.spaceBefore();
            if (!joins) break;
            n += 2;
        }
        if (n == 1) return 0;
        Token after = peek(n);
        return after.is(TokenKind.COMMA) || after.is(TokenKind.RPAREN) || after.is(TokenKind.COLON) ? n : 0;
    }

    private DashedName dashedName(int run) {
        Token first = peek();
        StringBuilder sb = new StringBuilder();
        boolean subtraction = true;
        Expr expr = null;
        TokenKind joiner = null;
        SourcePos joinerPos = null;
        for (int i = 0; i < run; i++) {
            Token t = advance();
            sb.append(t.text());
            if (i % 2 == 1) {
                joiner = t.kind();
                joinerPos = t.pos();
                if (joiner == TokenKind.DOT) subtraction = false;
                continue;
            }
            Expr part = !t.is(TokenKind.INT) ? new Expr.Name(t.text(), t.pos())
                    : t.value().signum() < 0 ? new Expr.Invalid(t.pos()) : new Expr.Literal(t.value(), t.pos());
            expr = expr == null ? part : new Expr.Binary(joiner, expr, part, joinerPos);
        }
        return new DashedName(sb.toString(), subtraction ? Optional.of(expr) : Optional.empty(), first.pos());
    }

    // --- declaration specifiers ----------------------------------------------------------------------

    private DeclSpecs declSpecs() {
        SourcePos start = peek().pos();
        List<String> words = new ArrayList<>();
        SourcePos wordsPos = null;
        TypeSpec type = null;
        boolean isConst = false;
        boolean isVolatile = false;
        Optional<SourcePos> atomic = Optional.empty();
        loop:
        while (at(TokenKind.IDENT)) {
            Token t = peek();
            String w = t.text();
            switch (w) {
                case "const" -> {
                    isConst = true;
                    advance();
                }
                case "volatile" -> {
                    isVolatile = true;
                    advance();
                }
                case "restrict" -> throw error(t.pos(), "'restrict' qualifies pointers only: write it after the '*'");
                case "_Atomic" -> {
                    if (peek(1).is(TokenKind.LPAREN)) {
                        if (type != null || !words.isEmpty()) throw error(t.pos(), "two types in one declaration");
                        type = atomicOf();
                    } else {
                        atomic = Optional.of(t.pos());
                        advance();
                    }
                }
                case "struct", "union" -> {
                    // "struct a { ... }" then "struct b": a missing ';', which the caller reports
                    if (type instanceof RecordDef || type instanceof EnumDef) break loop;
                    if (type != null || !words.isEmpty()) throw error(t.pos(), "two types in one declaration");
                    type = recordSpec();
                }
                case "enum" -> {
                    if (type instanceof RecordDef || type instanceof EnumDef) break loop;
                    if (type != null || !words.isEmpty()) throw error(t.pos(), "two types in one declaration");
                    type = enumSpec();
                }
                case "typedef" -> throw error(t.pos(), "'typedef' must come first in a declaration");
                default -> {
                    if (TYPE_WORDS.contains(w)) {
                        if (type != null) {
                            throw error(t.pos(), "cannot combine '" + w + "' with the type before it");
                        }
                        if (wordsPos == null) wordsPos = t.pos();
                        words.add(w);
                        advance();
                    } else if (STORAGE_CLASSES.contains(w)) {
                        throw error(t.pos(), "'" + w + "' has no meaning in a spec: it declares types and constants, "
                                + "not objects or functions");
                    } else if (ATTRIBUTE_WORDS.contains(w)) {
                        throw error(t.pos(), "'" + w + "' is not part of the spec language; use @packed or @align(N)");
                    } else if (type == null && !words.isEmpty() && !Names.KEYWORDS.contains(w) && isName(peek(1))
                            && !ATTRIBUTE_WORDS.contains(peek(1).text()) && endsDeclarator(peek(2))) {
                        // "unsigned uint32_t x": two names in a row, so the first must have been meant as a type
                        throw error(t.pos(), "cannot combine '" + Names.shorten(w) + "' with '" + String.join(" ", words) + "'");
                    } else if (type == null && words.isEmpty() && !Names.KEYWORDS.contains(w)) {
                        type = new Named(w, t.pos());
                        advance();
                    } else {
                        break loop;
                    }
                }
            }
        }
        if (!words.isEmpty()) type = new Builtin(words, wordsPos);
        if (type == null) throw error(peek().pos(), "expected a type, found " + peek().describe());
        return new DeclSpecs(type, new Quals(isConst, isVolatile, atomic), start);
    }

    private TypeSpec atomicOf() {
        Token kw = advance();
        Token open = advance();
        enter(open.pos());
        try {
            DeclSpecs inner = declSpecs();
            Declarator d = declarator(Mode.ABSTRACT, "");
            expect(TokenKind.RPAREN, " to close _Atomic(");
            return new AtomicOf(inner, d, kw.pos());
        } finally {
            leave();
        }
    }

    private TypeSpec recordSpec() {
        Token kw = advance();
        RecordDecl.Kind kind = kw.text().equals("struct") ? RecordDecl.Kind.STRUCT : RecordDecl.Kind.UNION;
        Optional<String> tag = Optional.empty();
        SourcePos namePos = kw.pos();
        if (isName(peek())) {
            Token t = advance();
            tag = Optional.of(t.text());
            namePos = t.pos();
        }
        if (!at(TokenKind.LBRACE)) {
            if (tag.isEmpty()) {
                throw error(peek().pos(), "expected a tag or '{' after '" + kw.text() + "', found " + peek().describe());
            }
            return new RecordRef(kind, tag.get(), namePos);
        }
        Token open = peek();
        enter(open.pos());
        try {
            advance();
            int bodyDepth = braceDepth;
            List<MemberNode> members = new ArrayList<>();
            boolean recovered = false;
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                Token before = peek();
                try {
                    member(members);
                } catch (ParseError e) {
                    recovered = true;
                    syncMember(bodyDepth);
                    // recovery must always make progress, or a malformed body could loop forever
                    if (peek() == before && !at(TokenKind.RBRACE)) advance();
                }
            }
            if (at(TokenKind.EOF)) {
                throw error(peek().pos(), "expected '}' to close " + kw.text() + tag.map(s -> " " + s).orElse("")
                        + " opened at line " + open.pos().line() + ", found end of file");
            }
            advance();
            return new RecordDef(new RecordNode(kind, tag, kw.pos(), namePos, members, recovered));
        } finally {
            leave();
        }
    }

    private void member(List<MemberNode> out) {
        Optional<String> doc = peek().doc();
        List<Annotation> annotations = annotations();
        if (doc.isEmpty()) doc = peek().doc();
        SourcePos pos = peek().pos();
        if (at(TokenKind.SEMI) && annotations.isEmpty()) {
            advance(); // an extra ';' in a struct body, as GCC accepts
            return;
        }
        if (!at(TokenKind.IDENT)) throw error(pos, "expected a member declaration, found " + peek().describe());
        DeclSpecs specs = declSpecs();
        List<Declarator> ds = new ArrayList<>();
        if (!at(TokenKind.SEMI)) {
            do {
                ds.add(declarator(Mode.NAMED, "a member name"));
                if (at(TokenKind.COLON)) throw error(peek().pos(), "bitfields are not supported yet");
                if (at(TokenKind.IDENT) && ATTRIBUTE_WORDS.contains(peek().text())) {
                    throw error(peek().pos(), "'" + peek().text() + "' is not part of the spec language; use @packed or @align(N)");
                }
            } while (accept(TokenKind.COMMA));
        }
        expectSemi("after the member");
        out.add(new MemberNode(doc, annotations, specs, ds, pos));
    }

    private TypeSpec enumSpec() {
        Token kw = advance();
        Optional<String> tag = Optional.empty();
        SourcePos namePos = kw.pos();
        if (isName(peek())) {
            Token t = advance();
            tag = Optional.of(t.text());
            namePos = t.pos();
        }
        Optional<DeclSpecs> underlying = Optional.empty();
        if (accept(TokenKind.COLON)) underlying = Optional.of(declSpecs());
        if (!at(TokenKind.LBRACE)) {
            if (tag.isEmpty()) throw error(peek().pos(), "expected a tag or '{' after 'enum', found " + peek().describe());
            if (underlying.isPresent()) {
                throw error(peek().pos(), "expected '{' and the enumerators of enum " + tag.get());
            }
            return new EnumRef(tag.get(), namePos);
        }
        Token open = peek();
        enter(open.pos());
        try {
            advance();
            int bodyDepth = braceDepth;
            List<EnumeratorNode> values = new ArrayList<>();
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
                try {
                    Optional<String> doc = peek().doc();
                    Token name = expectName("an enumerator name");
                    Optional<Expr> value = Optional.empty();
                    if (accept(TokenKind.ASSIGN)) value = Optional.of(constExpr());
                    values.add(new EnumeratorNode(name.text(), value, doc, name.pos()));
                    if (!accept(TokenKind.COMMA) && !at(TokenKind.RBRACE)) {
                        throw error(peek().pos(), "expected ',' or '}' after enumerator, found " + peek().describe());
                    }
                } catch (ParseError e) {
                    // skip to the next enumerator or the closing brace, always making progress
                    Token before = peek();
                    while (!at(TokenKind.EOF) && !(braceDepth == bodyDepth && at(TokenKind.RBRACE))
                            && braceDepth >= bodyDepth) {
                        if (advance().is(TokenKind.COMMA) && braceDepth == bodyDepth) break;
                    }
                    if (peek() == before && !at(TokenKind.RBRACE)) advance();
                }
            }
            if (at(TokenKind.EOF)) {
                throw error(peek().pos(), "expected '}' to close enum opened at line " + open.pos().line()
                        + ", found end of file");
            }
            advance();
            return new EnumDef(new EnumNode(tag, kw.pos(), namePos, underlying, values));
        } finally {
            leave();
        }
    }

    // --- declarators -------------------------------------------------------------------------------

    private enum Mode {
        /** Must declare a name (members, typedefs, constants). */
        NAMED,
        /** Must not: a type name as in {@code _Atomic(int *)}. */
        ABSTRACT,
        /** Either: function parameters. */
        EITHER
    }

    private Declarator declarator(Mode mode, String what) {
        enter(peek().pos());
        int parts = 0;
        try {
            record Ptr(Quals quals, SourcePos pos) {}
            List<Ptr> pointers = new ArrayList<>();
            while (at(TokenKind.STAR)) {
                Token star = advance();
                enter(star.pos());
                parts++;
                boolean c = false;
                boolean v = false;
                Optional<SourcePos> a = Optional.empty();
                while (true) {
                    if (peek().isWord("const")) c = true;
                    else if (peek().isWord("volatile")) v = true;
                    else if (peek().isWord("restrict")) { /* no layout meaning */ }
                    else if (peek().isWord("_Atomic") && !peek(1).is(TokenKind.LPAREN)) a = Optional.of(peek().pos());
                    else break;
                    advance();
                }
                pointers.add(new Ptr(new Quals(c, v, a), star.pos()));
            }
            Declarator d;
            Token t = peek();
            if (isName(t)) {
                if (mode == Mode.ABSTRACT) throw error(t.pos(), "unexpected name '" + Names.shorten(t.text()) + "' in a type name");
                d = new Ident(advance().text(), t.pos());
            } else if (t.is(TokenKind.LPAREN) && (mode == Mode.NAMED || peek(1).is(TokenKind.STAR))) {
                advance();
                d = declarator(mode, what);
                expect(TokenKind.RPAREN, " to close the declarator");
            } else if (mode != Mode.NAMED) {
                d = new Abstract(t.pos());
            } else if (t.is(TokenKind.IDENT)) {
                throw error(t.pos(), "expected " + what + ", found keyword '" + t.text() + "'");
            } else {
                throw error(t.pos(), "expected " + what + ", found " + t.describe());
            }
            while (true) {
                if (at(TokenKind.LBRACKET)) {
                    Token open = advance();
                    enter(open.pos());
                    parts++;
                    Optional<Expr> size = at(TokenKind.RBRACKET) ? Optional.empty() : Optional.of(constExpr());
                    expect(TokenKind.RBRACKET, " to close the array size");
                    d = new Array(d, size, open.pos());
                } else if (at(TokenKind.LPAREN)) {
                    Token open = advance();
                    enter(open.pos());
                    parts++;
                    d = params(d, open);
                } else {
                    break;
                }
            }
            for (int i = pointers.size() - 1; i >= 0; i--) {
                d = new Pointer(pointers.get(i).quals(), d, pointers.get(i).pos());
            }
            return d;
        } finally {
            depth -= parts;
            leave();
        }
    }

    private Declarator params(Declarator inner, Token open) {
        List<Param> params = new ArrayList<>();
        boolean variadic = false;
        if (!at(TokenKind.RPAREN)) {
            do {
                if (at(TokenKind.ELLIPSIS)) {
                    advance();
                    variadic = true;
                    break;
                }
                DeclSpecs specs = declSpecs();
                params.add(new Param(specs, declarator(Mode.EITHER, "a parameter")));
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, " to close the parameter list");
        return new Function(inner, params, variadic, open.pos());
    }

    // --- constant expressions ------------------------------------------------------------------------

    private Expr constExpr() {
        exprOps = 0;
        return expr();
    }

    private Expr expr() {
        enter(peek().pos());
        try {
            Expr cond = binary(1);
            if (!at(TokenKind.QUESTION)) return cond;
            Token q = advance();
            countOperator(q);
            Expr then = expr();
            expect(TokenKind.COLON, " in '?:'");
            Expr otherwise = expr();
            return new Expr.Conditional(cond, then, otherwise, q.pos());
        } finally {
            leave();
        }
    }

    private static int precedence(TokenKind k) {
        return switch (k) {
            case OROR -> 1;
            case ANDAND -> 2;
            case PIPE -> 3;
            case CARET -> 4;
            case AMP -> 5;
            case EQ, NE -> 6;
            case LT, GT, LE, GE -> 7;
            case SHL, SHR -> 8;
            case PLUS, MINUS -> 9;
            case STAR, SLASH, PERCENT -> 10;
            default -> 0;
        };
    }

    /** Precedence climbing: recursion depth is bounded by the number of precedence levels. */
    private Expr binary(int minPrecedence) {
        Expr left = unary();
        while (true) {
            int p = precedence(peek().kind());
            if (p == 0 || p < minPrecedence) return left;
            Token op = advance();
            countOperator(op);
            Expr right = binary(p + 1);
            left = new Expr.Binary(op.kind(), left, right, op.pos());
        }
    }

    private void countOperator(Token op) {
        if (++exprOps > MAX_OPERATORS) {
            throw error(op.pos(), "constant expression too long (more than " + MAX_OPERATORS + " operators)");
        }
    }

    private Expr unary() {
        Token t = peek();
        switch (t.kind()) {
            case MINUS, PLUS, TILDE, BANG -> {
                advance();
                countOperator(t);
                enter(t.pos());
                try {
                    return new Expr.Unary(t.kind(), unary(), t.pos());
                } finally {
                    leave();
                }
            }
            default -> {
                return primary();
            }
        }
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case INT, CHAR -> {
                advance();
                if (t.value().signum() < 0) return new Expr.Invalid(t.pos());
                return new Expr.Literal(t.value(), t.pos());
            }
            case LPAREN -> {
                Token next = peek(1);
                if (next.is(TokenKind.IDENT) && (TYPE_WORDS.contains(next.text()) || next.text().equals("struct")
                        || next.text().equals("union") || next.text().equals("enum"))) {
                    throw error(t.pos(), "casts are not supported in spec constants");
                }
                advance();
                Expr e = expr();
                expect(TokenKind.RPAREN, " to close '('");
                return e;
            }
            case IDENT -> {
                switch (t.text()) {
                    case "sizeof", "_Alignof", "alignof", "__alignof__", "offsetof" -> throw error(t.pos(),
                            t.text() + " is target-dependent and not allowed in a spec constant; write the number, "
                                    + "or use @if(...) members or @size(...) for per-target values");
                    case "true" -> {
                        advance();
                        return new Expr.Literal(BigInteger.ONE, t.pos());
                    }
                    case "false" -> {
                        advance();
                        return new Expr.Literal(BigInteger.ZERO, t.pos());
                    }
                    default -> {
                        if (Names.KEYWORDS.contains(t.text())) {
                            throw error(t.pos(), "expected an expression, found keyword '" + t.text() + "'");
                        }
                        advance();
                        return new Expr.Name(t.text(), t.pos());
                    }
                }
            }
            default -> throw error(t.pos(), "expected an expression, found " + t.describe());
        }
    }
}
