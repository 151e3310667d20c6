package org.abilayout.spec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The parser alone: syntax trees, before any name is bound. */
class ParserTest {

    private static Syntax.File parse(String text) {
        Reporter r = new Reporter(new SourceFile("p.layout", text));
        Syntax.File f = Parser.parse(r.source(), r);
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        return f;
    }

    private static Syntax.Declarator declarator(String member) {
        Syntax.TypeDecl t = (Syntax.TypeDecl) parse("package p; struct s { " + member + " };").decls().getFirst();
        return ((Syntax.RecordDef) t.specs().type()).node().members().getFirst().declarators().getFirst();
    }

    /** A compact rendering of a declarator's derivations, outermost first. */
    private static String shape(Syntax.Declarator d) {
        return switch (d) {
            case Syntax.Ident i -> i.name();
            case Syntax.Abstract a -> "_";
            case Syntax.Pointer p -> "ptr(" + shape(p.inner()) + ")";
            case Syntax.Array a -> "arr(" + shape(a.inner()) + ")";
            case Syntax.Function f -> "fn" + f.params().size() + "(" + shape(f.inner()) + ")";
        };
    }

    @Test
    void declaratorsNestAsCReadsThem() {
        assertEquals("ptr(arr(a))", shape(declarator("int *a[3];"))); // array of pointers
        assertEquals("arr(ptr(a))", shape(declarator("int (*a)[3];"))); // pointer to array
        assertEquals("fn2(ptr(f))", shape(declarator("int (*f)(int, char *);")));
        assertEquals("arr(arr(m))", shape(declarator("int m[2][3];")));
        assertEquals("fn1(ptr(arr(h)))", shape(declarator("int (*h[4])(int);")));
    }

    @Test
    void theUnboundTreeKeepsNamesAsWritten() {
        Syntax.File f = parse("package a.b;\ntypedef later_t now_t;\n@align(8) struct s { later_t x; };");
        assertEquals("a.b", f.packageName());
        Syntax.TypedefNode td = (Syntax.TypedefNode) f.decls().get(0);
        assertEquals(new Syntax.Named("later_t", td.specs().type().pos()), td.specs().type());
        Syntax.TypeDecl s = (Syntax.TypeDecl) f.decls().get(1);
        assertEquals("align", s.annotations().getFirst().name());
        assertInstanceOf(Syntax.ExprArg.class, s.annotations().getFirst().args().getFirst());
    }

    @Test
    void annotationArgumentFormsAreRecognisedBySyntax() {
        Syntax.File f = parse("package p; @size(lp64: 40, x86_64-linux-gnu: N - 1, N-1, i386-freebsd) @if(a && (b || !c)) struct s { int x; };");
        List<Syntax.Annotation> as = ((Syntax.TypeDecl) f.decls().getFirst()).annotations();
        List<Syntax.Arg> args = as.get(0).args();
        assertEquals("lp64", ((Syntax.KeyedArg) args.get(0)).key());
        assertEquals("x86_64-linux-gnu", ((Syntax.KeyedArg) args.get(1)).key());
        assertInstanceOf(Syntax.ExprArg.class, ((Syntax.KeyedArg) args.get(1)).value());
        Syntax.DashedName nMinus1 = (Syntax.DashedName) args.get(2);
        assertEquals("N-1", nMinus1.text());
        assertEquals(Optional.of(true), nMinus1.asExpr().map(e -> e instanceof Expr.Binary));
        assertEquals("i386-freebsd", ((Syntax.DashedName) args.get(3)).text());
        assertEquals("a && (b || !c)", ((Syntax.TextArg) as.get(1).args().getFirst()).text());
    }

    @Test
    void operatorPrecedenceShapesTheTree() {
        Syntax.ConstNode c = (Syntax.ConstNode) parse("package p; const int X = 1 + 2 * 3 << 1;").decls().getFirst();
        Expr.Binary shl = (Expr.Binary) c.value();
        assertEquals(TokenKind.SHL, shl.op());
        Expr.Binary plus = (Expr.Binary) shl.left();
        assertEquals(TokenKind.PLUS, plus.op());
        assertEquals(TokenKind.STAR, ((Expr.Binary) plus.right()).op());
    }
}
