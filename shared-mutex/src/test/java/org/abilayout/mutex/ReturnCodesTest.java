package org.abilayout.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * shared_mutex.h lists, under each declaration's comment, every value the function returns. This
 * test reads those lists and has src/test/c/return_codes.c provoke each value; a value documented
 * without a way to provoke it fails, and so does one that the code does not return.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReturnCodesTest {
    /** A comment block, then the declaration it documents. */
    private static final Pattern DECLARATION = Pattern.compile(
            "/\\*((?:(?!\\*/).)*)\\*/\\s*(?:SHARED_MUTEX_API\\s+)?int\\s+(\\w+)\\s*\\(", Pattern.DOTALL);
    /** "   CODE        meaning" inside a comment block */
    private static final Pattern RETURN_LINE = Pattern.compile("^\\s*\\*\\s{3}(0|E[A-Z]+)\\s{2,}\\S", Pattern.MULTILINE);

    record Documented(String function, String code) {}

    static List<Documented> documented() throws IOException {
        String text = Files.readString(header());
        List<Documented> out = new ArrayList<>();
        Matcher d = DECLARATION.matcher(text);
        while (d.find()) {
            Matcher r = RETURN_LINE.matcher(d.group(1));
            while (r.find()) out.add(new Documented(d.group(2), r.group(1)));
        }
        return out;
    }

    private static Path header() {
        return Path.of(System.getProperty("shared.mutex.c.main", "src/main/c"), "shared_mutex.h");
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedReturnValueIsReturned() throws IOException {
        List<Documented> all = documented();
        // every public function of the header documents what it returns
        Matcher api = Pattern.compile("SHARED_MUTEX_API\\s+int\\s+(\\w+)\\s*\\(").matcher(Files.readString(header()));
        java.util.Set<String> functions = new java.util.TreeSet<>();
        while (api.find()) functions.add(api.group(1));
        assertEquals(functions, new java.util.TreeSet<>(all.stream().map(Documented::function).toList()));
        Path build = Path.of(System.getProperty("shared.mutex.build", "target"), "c");
        Path tool = Processes.compile(List.of(Path.of(System.getProperty("shared.mutex.c.test", "src/test/c"), "return_codes.c")),
                build.resolve("return_codes"));
        Path scratch = Files.createDirectories(build.resolve("return-codes"));
        return all.stream().map(doc -> DynamicTest.dynamicTest(doc.function() + " returns " + doc.code(), () -> {
            Process p = Processes.start(List.of(tool.toString(), scratch.toString(), doc.function(), doc.code()));
            assertEquals("OK", Processes.finish(p, 30, doc.function() + " " + doc.code()).strip());
        }));
    }
}
