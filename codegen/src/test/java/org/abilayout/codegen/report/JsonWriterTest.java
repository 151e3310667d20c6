package org.abilayout.codegen.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void prettyPrintsWithTwoSpacesAndATrailingNewline() {
        Json v = Json.object()
                .put("a", 1)
                .put("b", Json.array(List.of(Json.of(true), Json.Null.NULL)))
                .put("c", Json.object().build())
                .put("d", Json.array(List.of()))
                .build();
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    true,
                    null
                  ],
                  "c": {},
                  "d": []
                }
                """, JsonWriter.write(v));
    }

    @Test
    void keepsKeysInInsertionOrder() {
        Json v = Json.object().put("z", 1).put("a", 2).put("m", 3).build();
        assertEquals("{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}\n", JsonWriter.write(v));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 us\\u001f del\u007f\"\n",
                JsonWriter.write(Json.of("q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f del\u007f")));
    }

    @Test
    void keepsNonAsciiButEscapesLoneSurrogatesAndLineSeparators() {
        assertEquals("\"é 😀 \\ud800 \\udc00 \\u2028\"\n",
                JsonWriter.write(Json.of("é \uD83D\uDE00 \uD800 \uDC00 \u2028")));
    }

    @Test
    void writesNegativeAndLargeIntegers() {
        assertEquals("[\n  -1,\n  9223372036854775807\n]\n",
                JsonWriter.write(Json.array(List.of(Json.of(-1), Json.of(Long.MAX_VALUE)))));
    }

    @Test
    void rejectsADuplicateKey() {
        Json.ObjectBuilder b = Json.object().put("k", 1);
        assertThrows(IllegalArgumentException.class, () -> b.put("k", 2));
    }
}
