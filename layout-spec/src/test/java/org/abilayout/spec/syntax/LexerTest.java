package org.abilayout.spec.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> lex(String text) {
        Reporter r = new Reporter(new SourceFile("l.layout", text));
        Lexer lexer = new Lexer(r.source(), r);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); !t.is(TokenKind.EOF); t = lexer.next()) out.add(t);
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        return out;
    }

    @Test
    void punctuatorsTakeTheLongestMatch() {
        assertEquals(List.of(TokenKind.SHL, TokenKind.LT, TokenKind.LE, TokenKind.ANDAND, TokenKind.AMP, TokenKind.ELLIPSIS,
                        TokenKind.DOT, TokenKind.NE, TokenKind.BANG, TokenKind.EQ, TokenKind.ASSIGN),
                lex("<< < <= && & ... . != ! == =").stream().map(Token::kind).toList());
    }

    @Test
    void literalsCarryTheirValues() {
        List<Token> ts = lex("42 0x2A 052 0b101010 42ull 'x' '\\x7f' 18446744073709551615");
        assertEquals(List.of(42L, 42L, 42L, 42L, 42L, (long) 'x', 0x7fL).stream().map(BigInteger::valueOf).toList(),
                ts.subList(0, 7).stream().map(Token::value).toList());
        assertEquals(new BigInteger("18446744073709551615"), ts.get(7).value());
    }

    @Test
    void positionsAreOneBasedLineAndColumn() {
        List<Token> ts = lex("a\n  bb /* x\n y */ c");
        assertEquals("l.layout:1:1", ts.get(0).pos().toString());
        assertEquals("l.layout:2:3", ts.get(1).pos().toString());
        assertEquals("l.layout:3:7", ts.get(2).pos().toString());
        assertEquals(ts.get(2).pos().offset(), "a\n  bb /* x\n y */ ".length());
    }

    @Test
    void docCommentsAttachToTheNextToken() {
        List<Token> ts = lex("/// one\n///two\n//// not doc\n// plain\nx y");
        assertEquals(Optional.of("one\ntwo"), ts.get(0).doc());
        assertEquals(Optional.empty(), ts.get(1).doc());
    }

    @Test
    void onlyTheLastBlockOfConsecutiveDocLinesCounts() {
        List<Token> ts = lex("/// stale\n\n/// fresh\n/// more\nx");
        assertEquals(Optional.of("fresh\nmore"), ts.get(0).doc());
    }

    @Test
    void adjacencyIsRecorded() {
        List<Token> ts = lex("x86_64-linux-gnu a - b");
        assertFalse(ts.get(1).spaceBefore());
        assertFalse(ts.get(2).spaceBefore());
        assertTrue(ts.get(6).spaceBefore());
    }
}
