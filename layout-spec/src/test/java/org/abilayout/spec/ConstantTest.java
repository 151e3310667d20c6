package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.EnumDecl;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantTest {

    private static long value(String expr) {
        Spec spec = Specs.ok("const int64_t X = " + expr + ";");
        return ((ConstDecl) spec.decl("X").orElseThrow()).value();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "1 + 2 * 3            => 7",
            "(1 + 2) * 3          => 9",
            "10 - 4 - 3           => 3",
            "100 / 10 / 5         => 2",
            "-7 / 2               => -3",
            "-7 % 2               => -1",
            "7 % -2               => 1",
            "1 << 4 + 1           => 32",
            "256 >> 2             => 64",
            "-16 >> 2             => -4",
            "1 < 2 == 1           => 1",
            "3 > 2 > 1            => 0",
            "2 <= 2               => 1",
            "3 >= 4               => 0",
            "5 != 5               => 0",
            "6 & 3                => 2",
            "6 ^ 3                => 5",
            "6 | 3                => 7",
            "1 | 2 ^ 3 & 4        => 3",
            "0 && 1 / 0           => 0",
            "1 || 1 / 0           => 1",
            "2 && 3               => 1",
            "0 || 0               => 0",
            "1 ? 2 : 3            => 2",
            "0 ? 2 : 1 ? 4 : 5    => 4",
            "-(3)                 => -3",
            "+3                   => 3",
            "~0                   => -1",
            "!5                   => 0",
            "!0                   => 1",
            "- -3                 => 3",
            "0x1F                 => 31",
            "0X1f                 => 31",
            "017                  => 15",
            "0b101                => 5",
            "0                    => 0",
            "10u                  => 10",
            "10UL                 => 10",
            "10ll                 => 10",
            "10LLU                => 10",
            "10uLL                => 10",
            "'a'                  => 97",
            "'\\n'                => 10",
            "'\\x41'              => 65",
            "'\\0'                => 0",
            "'\\''                => 39",
            "true + true          => 2",
            "9223372036854775807  => 9223372036854775807",
            "-9223372036854775807 - 1 => -9223372036854775808",
    })
    void evaluatesWithCPrecedence(String expr, long expected) {
        assertEquals(expected, value(expr));
    }

    @Test
    void constantsAndEnumeratorsAreUsableInExpressions() {
        Spec spec = Specs.ok("const int A = 2;\nenum e { B = A * 3, C };\nconst int D = C + A;");
        assertEquals(9, ((ConstDecl) spec.decl("D").orElseThrow()).value());
    }

    @Test
    void constantsMayUseTypedefsOfIntegers() {
        Spec spec = Specs.ok("typedef int32_t lwpid_t;\nconst lwpid_t NOBODY = -1;");
        assertEquals(Scalar.INT32, ((ConstDecl) spec.decl("NOBODY").orElseThrow()).type());
    }

    @Test
    void uint64MaximumIsKeptAsItsBitPattern() {
        Spec spec = Specs.ok("const uint64_t ALL = 0xffffffffffffffff;");
        assertEquals(-1L, ((ConstDecl) spec.decl("ALL").orElseThrow()).value());
    }

    @Test
    void arithmeticErrorsArePositionedAtTheOperator() {
        assertEquals("2:17: division by zero in constant expression", Specs.errors("const int X = 1 / 0;"));
        assertEquals("2:17: division by zero in constant expression (remainder)", Specs.errors("const int X = 1 % (2 - 2);"));
        assertEquals("2:38: integer overflow in constant expression: the result does not fit in 64 bits",
                Specs.errors("const int64_t X = 0xffffffffffffffff + 1;"));
        assertEquals("2:40: integer overflow in constant expression: the result does not fit in 64 bits",
                Specs.errors("const int64_t X = -9223372036854775807 - 2;"));
        assertEquals("2:21: negative shift count -1 in constant expression", Specs.errors("const int64_t X = 1 << -1;"));
        assertEquals("2:21: shift count 64 is too large (values have 64 bits)", Specs.errors("const int64_t X = 1 >> 64;"));
        assertEquals("2:21: integer overflow in constant expression: the result does not fit in 64 bits",
                Specs.errors("const int64_t X = 3 << 63;"));
    }

    @Test
    void valuesAreRangeCheckedAgainstTheDeclaredType() {
        assertEquals("2:19: value 256 does not fit in uint8_t (0..255)", Specs.errors("const uint8_t X = 256;"));
        assertEquals("2:20: value -1 does not fit in uint32_t (0..4294967295)", Specs.errors("const uint32_t X = -1;"));
        assertEquals("2:16: value 4294967296 does not fit in long on every target (-2147483648..2147483647)",
                Specs.errors("const long X = 0x100000000;"));
        assertEquals("2:16: value 200 does not fit in char on every target (0..127)", Specs.errors("const char X = 200;"));
    }

    @Test
    void constantDeclarationErrors() {
        assertEquals("2:7: a constant's type must be an integer type, not 'float'", Specs.errors("const float F = 1;"));
        assertEquals("2:1: a constant must be declared 'const', as in 'const int X = ...;'", Specs.errors("int X = 1;"));
        assertEquals("2:11: a constant is a plain integer: 'const T NAME = value;'", Specs.errors("const int *P = 0;"));
        assertEquals("2:11: only types and constants can be declared in a spec; a constant is written 'const T NAME = value;'",
                Specs.errors("const int X;"));
    }

    @Test
    void constantsMustBeDefinedBeforeUse() {
        assertEquals("2:15: 'B' is used before its definition on line 3; a constant may only use constants defined before it",
                Specs.errors("const int A = B;\nconst int B = 1;"));
        assertEquals("3:15: 'int32_t' is a type, not a constant", Specs.errors("\nconst int A = int32_t;"));
        assertEquals("2:15: unknown constant 'UMUTEX_CONTESTD'; did you mean 'UMUTEX_CONTESTED'?",
                Specs.errors("const int A = UMUTEX_CONTESTD;\nconst int UMUTEX_CONTESTED = 1;"));
    }

    @Test
    void sizeofIsTargetDependent() {
        assertEquals("2:15: sizeof is target-dependent and not allowed in a spec constant; write the number, or use "
                + "@if(...) members or @size(...) for per-target values", Specs.errors("const int A = sizeof(long);"));
        assertEquals("2:19: _Alignof is target-dependent and not allowed in a spec constant; write the number, or use "
                + "@if(...) members or @size(...) for per-target values", Specs.errors("const int A = 1 + _Alignof(long);"));
        assertEquals("2:15: casts are not supported in spec constants", Specs.errors("const int A = (int)1;"));
    }

    @Test
    void fixedUnderlyingTypeEnums() {
        Spec spec = Specs.ok("enum small : uint8_t { A = 1, B, C = A + 4, };");
        EnumDecl e = (EnumDecl) spec.decl("small").orElseThrow();
        assertEquals(Optional.of(Scalar.UINT8), e.underlying());
        assertEquals(Scalar.UINT8, e.storageScalar());
        assertEquals(List.of(1L, 2L, 5L), e.values().stream().map(EnumDecl.Enumerator::value).toList());
    }

    @Test
    void plainEnumsAreIntSized() {
        EnumDecl e = (EnumDecl) Specs.ok("enum e { A = -1, B, C = 0x7fffffff };").decl("e").orElseThrow();
        assertEquals(Optional.empty(), e.underlying());
        assertEquals(Scalar.INT, e.storageScalar());
        assertEquals(List.of(-1L, 0L, 0x7fffffffL), e.values().stream().map(EnumDecl.Enumerator::value).toList());
    }

    @Test
    void enumeratorRangeErrors() {
        assertEquals("2:14: enumerator 'A' value 2147483648 does not fit in int (-2147483648..2147483647); give the enum "
                + "a fixed underlying type, as in 'enum e : int64_t { ... }'", Specs.errors("enum e { A = 0x80000000 };"));
        assertEquals("2:29: enumerator 'B' value 256 does not fit in uint8_t (0..255)",
                Specs.errors("enum e : uint8_t { A = 255, B };"));
        assertEquals("2:10: an enum's underlying type must be an integer type, not 'double'",
                Specs.errors("enum e : double { A };"));
    }

    @Test
    void anonymousTopLevelEnumsDeclareConstants() {
        Spec spec = Specs.ok("enum { ONE = 1, TWO };\nstruct s { int a[TWO]; };");
        ConstDecl two = (ConstDecl) spec.decl("TWO").orElseThrow();
        assertEquals(2, two.value());
        assertEquals(Scalar.INT, two.type());
    }

    @Test
    void enumsByValueAndBehindPointers() {
        Spec spec = Specs.ok("struct s { enum color c; enum later *l; };\nenum color : uint8_t { RED };");
        var c = Specs.member(Specs.record(spec, "s"), "c");
        assertEquals("color", ((org.abilayout.spec.model.CType.EnumType) c.type()).definition().name());
        assertEquals("2:17: enum colour is not defined in this spec; did you mean 'color'?",
                Specs.errors("struct s { enum colour c; };\nenum color { RED };"));
    }

    @Test
    void lexerRejectsBadLiterals() {
        assertEquals("2:15: integer literal is too large for 64 bits", Specs.errors("const int A = 18446744073709551616;"));
        assertEquals("2:16: invalid digit '8' in octal literal", Specs.errors("const int A = 08;"));
        assertEquals("2:17: invalid suffix 'abc' on integer literal", Specs.errors("const int A = 12abc;"));
        assertEquals("2:15: missing digits after '0x'", Specs.errors("const int A = 0x;"));
        assertEquals("2:15: unterminated character literal",
                Specs.errors("const int A = 'a;").lines().findFirst().orElseThrow());
        assertEquals("2:15: multi-character literals are not supported", Specs.errors("const int A = 'ab';"));
    }
}
