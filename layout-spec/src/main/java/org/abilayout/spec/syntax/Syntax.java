package org.abilayout.spec.syntax;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.model.RecordDecl;
import org.abilayout.spec.source.SourcePos;

/**
 * The syntax tree the parser produces: declarations as written, names unbound, expressions
 * unevaluated. Every node carries the positions the resolver needs for its diagnostics.
 */
public final class Syntax {
    private Syntax() {}

    /**
     * A whole file.
     *
     * @param packageName empty if the package line is missing (already reported)
     */
    public record File(String packageName, SourcePos packagePos, List<TopLevel> decls) {
        public File {
            decls = List.copyOf(decls);
        }
    }

    /** {@code @name} or {@code @name(args)}. */
    public record Annotation(String name, List<Arg> args, SourcePos pos) {
        public Annotation {
            args = List.copyOf(args);
        }
    }

    /** An annotation argument, classified by form only; the resolver decides what a bare name means. */
    public sealed interface Arg {
        SourcePos pos();
    }

    /** An integer constant expression (a lone identifier is an {@link Expr.Name}). */
    public record ExprArg(Expr expr) implements Arg {
        public SourcePos pos() {
            return exprStart(expr);
        }
    }

    /**
     * A name with {@code -} or {@code .} inside and no spaces, such as {@code x86_64-linux-gnu}.
     *
     * @param asExpr the same tokens read as a subtraction ({@code N-1}) when they can be one; the
     *     resolver uses it when the first word names a constant
     */
    public record DashedName(String text, Optional<Expr> asExpr, SourcePos pos) implements Arg {}

    /** {@code key: value}. */
    public record KeyedArg(String key, Arg value, SourcePos pos) implements Arg {}

    /** A string literal, unescaped, as in {@code reason: "clients never embed it"}. */
    public record StringArg(String value, SourcePos pos) implements Arg {}

    /** The raw text between the parentheses of a predicate annotation such as {@code @if}. */
    public record TextArg(String text, SourcePos pos) implements Arg {}

    /** Qualifiers written in one place; {@code atomicPos} points at {@code _Atomic} for diagnostics. */
    public record Quals(boolean isConst, boolean isVolatile, Optional<SourcePos> atomicPos) {
        public static final Quals NONE = new Quals(false, false, Optional.empty());

        public boolean isAtomic() {
            return atomicPos.isPresent();
        }
    }

    /** Declaration specifiers: the base type and the qualifiers written around it. */
    public record DeclSpecs(TypeSpec type, Quals quals, SourcePos pos) {}

    /** The base type of a declaration. */
    public sealed interface TypeSpec {
        SourcePos pos();
    }

    /** Arithmetic type keywords in the order written ({@code unsigned long int}, {@code void}). */
    public record Builtin(List<String> words, SourcePos pos) implements TypeSpec {
        public Builtin {
            words = List.copyOf(words);
        }
    }

    /** A typedef name or standard type name ({@code uint32_t}, {@code lwpid_t}). */
    public record Named(String name, SourcePos pos) implements TypeSpec {}

    /** {@code struct tag} / {@code union tag} without a body. */
    public record RecordRef(RecordDecl.Kind kind, String tag, SourcePos pos) implements TypeSpec {}

    /** {@code enum tag} without a body. */
    public record EnumRef(String tag, SourcePos pos) implements TypeSpec {}

    /** A struct or union defined in place. */
    public record RecordDef(RecordNode node) implements TypeSpec {
        public SourcePos pos() {
            return node.pos();
        }
    }

    /** An enum defined in place. */
    public record EnumDef(EnumNode node) implements TypeSpec {
        public SourcePos pos() {
            return node.pos();
        }
    }

    /** {@code _Atomic(type-name)}. */
    public record AtomicOf(DeclSpecs inner, Declarator declarator, SourcePos pos) implements TypeSpec {}

    /**
     * A struct or union body.
     *
     * @param tag empty for an anonymous one
     * @param pos the {@code struct}/{@code union} keyword
     * @param namePos the tag, or the keyword when anonymous
     * @param recovered whether a syntax error dropped some of its members (so "empty" is no news)
     */
    public record RecordNode(RecordDecl.Kind kind, Optional<String> tag, SourcePos pos, SourcePos namePos,
            List<MemberNode> members, boolean recovered) {
        public RecordNode {
            members = List.copyOf(members);
        }
    }

    /** One member declaration, possibly with several declarators ({@code int a, b[4], *c;}). */
    public record MemberNode(Optional<String> doc, List<Annotation> annotations, DeclSpecs specs,
            List<Declarator> declarators, SourcePos pos) {
        public MemberNode {
            annotations = List.copyOf(annotations);
            declarators = List.copyOf(declarators);
        }
    }

    /**
     * An enum body.
     *
     * @param underlying the C23 fixed underlying type ({@code enum e : uint8_t})
     */
    public record EnumNode(Optional<String> tag, SourcePos pos, SourcePos namePos, Optional<DeclSpecs> underlying,
            List<EnumeratorNode> enumerators) {
        public EnumNode {
            enumerators = List.copyOf(enumerators);
        }
    }

    public record EnumeratorNode(String name, Optional<Expr> value, Optional<String> doc, SourcePos pos) {}

    /**
     * A C declarator. Reading from the outside in gives the order in which derivations apply to
     * the base type: in {@code *a[3]} the pointer applies first, then the array ({@code a} is an
     * array of three pointers).
     */
    public sealed interface Declarator {
        SourcePos pos();
    }

    /** The declared name. */
    public record Ident(String name, SourcePos pos) implements Declarator {}

    /** No name, as in a parameter {@code char *} or {@code _Atomic(int *)}. */
    public record Abstract(SourcePos pos) implements Declarator {}

    /** {@code * quals}; {@code quals} qualify the pointer object itself. */
    public record Pointer(Quals quals, Declarator inner, SourcePos pos) implements Declarator {}

    /** {@code [size]}, or {@code []} with no size; {@code pos} is the {@code [}. */
    public record Array(Declarator inner, Optional<Expr> size, SourcePos pos) implements Declarator {}

    /** {@code (params)}; only valid behind a pointer. */
    public record Function(Declarator inner, List<Param> params, boolean variadic, SourcePos pos)
            implements Declarator {
        public Function {
            params = List.copyOf(params);
        }
    }

    public record Param(DeclSpecs specs, Declarator declarator) {}

    /** A top-level declaration. */
    public sealed interface TopLevel {
        SourcePos pos();
    }

    /**
     * A declaration that only defines or mentions a type: {@code struct s { ... };},
     * {@code enum e : T { ... };}, {@code struct s;}.
     */
    public record TypeDecl(Optional<String> doc, List<Annotation> annotations, DeclSpecs specs, SourcePos pos)
            implements TopLevel {
        public TypeDecl {
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code typedef T a, *b;} */
    public record TypedefNode(Optional<String> doc, List<Annotation> annotations, DeclSpecs specs,
            List<Declarator> declarators, SourcePos pos) implements TopLevel {
        public TypedefNode {
            annotations = List.copyOf(annotations);
            declarators = List.copyOf(declarators);
        }
    }

    /** {@code const T NAME = expr;} (one node per declarator). */
    public record ConstNode(Optional<String> doc, List<Annotation> annotations, DeclSpecs specs,
            Declarator declarator, Expr value, SourcePos pos) implements TopLevel {
        public ConstNode {
            annotations = List.copyOf(annotations);
        }
    }

    /** The leftmost position of an expression (an operator's position is in the middle). */
    public static SourcePos exprStart(Expr e) {
        Expr cur = e;
        while (true) {
            switch (cur) {
                case Expr.Binary b -> cur = b.left();
                case Expr.Conditional c -> cur = c.cond();
                default -> {
                    return cur.pos();
                }
            }
        }
    }
}
