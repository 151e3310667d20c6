package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.abilayout.arch.Scalar;
import org.abilayout.spec.model.CType;
import org.abilayout.spec.model.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarSpellingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "char, CHAR",
            "signed char, SCHAR",
            "char signed, SCHAR",
            "unsigned char, UCHAR",
            "short, SHORT",
            "short int, SHORT",
            "signed short, SHORT",
            "signed short int, SHORT",
            "int short signed, SHORT",
            "unsigned short, USHORT",
            "unsigned short int, USHORT",
            "short unsigned, USHORT",
            "int, INT",
            "signed, INT",
            "signed int, INT",
            "unsigned, UINT",
            "unsigned int, UINT",
            "int unsigned, UINT",
            "long, LONG",
            "long int, LONG",
            "signed long, LONG",
            "signed long int, LONG",
            "int long, LONG",
            "unsigned long, ULONG",
            "unsigned long int, ULONG",
            "long unsigned int, ULONG",
            "long long, LONG_LONG",
            "long long int, LONG_LONG",
            "signed long long, LONG_LONG",
            "long int long, LONG_LONG",
            "unsigned long long, ULONG_LONG",
            "unsigned long long int, ULONG_LONG",
            "long long unsigned, ULONG_LONG",
            "float, FLOAT",
            "double, DOUBLE",
            "long double, LONG_DOUBLE",
            "double long, LONG_DOUBLE",
            "_Bool, BOOL",
            "bool, BOOL",
            "int8_t, INT8",
            "uint8_t, UINT8",
            "int16_t, INT16",
            "uint16_t, UINT16",
            "int32_t, INT32",
            "uint32_t, UINT32",
            "int64_t, INT64",
            "uint64_t, UINT64",
            "intptr_t, INTPTR",
            "uintptr_t, UINTPTR",
            "size_t, SIZE",
            "ssize_t, SSIZE",
            "ptrdiff_t, PTRDIFF",
            "wchar_t, WCHAR",
    })
    void everyCSpellingMapsToItsScalar(String spelling, Scalar expected) {
        Spec spec = Specs.ok("struct s { " + spelling + " x; };");
        assertEquals(new CType.ScalarType(expected), Specs.member(Specs.record(spec, "s"), "x").type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "long float     | 2:12: invalid combination of type specifiers 'long float'",
            "short long     | 2:12: 'short' and 'long' cannot be combined: 'short long'",
            "signed float   | 2:12: invalid combination of type specifiers 'signed float'",
            "unsigned double| 2:12: invalid combination of type specifiers 'unsigned double'",
            "long long long | 2:12: 'long long long' is too long for C: 'long long long'",
            "signed unsigned| 2:12: 'signed' and 'unsigned' cannot be combined: 'signed unsigned'",
            "char int       | 2:12: invalid combination of type specifiers 'char int'",
            "short char     | 2:12: invalid combination of type specifiers 'short char'",
            "long char      | 2:12: invalid combination of type specifiers 'long char'",
            "int int        | 2:12: duplicate type specifier in 'int int'",
            "long long double | 2:12: invalid combination of type specifiers 'long long double'",
            "unsigned _Bool | 2:12: invalid combination of type specifiers 'unsigned _Bool'",
            "float double   | 2:12: invalid combination of type specifiers 'float double'",
            "unsigned uint32_t | 2:21: cannot combine 'uint32_t' with 'unsigned'",
            "uint32_t unsigned | 2:21: cannot combine 'unsigned' with the type before it",
    })
    void invalidCombinationsAreErrorsAtTheFirstSpecifier(String spelling, String expected) {
        assertEquals(expected, Specs.errors("struct s { " + spelling + " x; };"));
    }
}
