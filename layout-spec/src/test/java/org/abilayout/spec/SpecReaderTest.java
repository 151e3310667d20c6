package org.abilayout.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsAFile() throws Exception {
        Path p = write("a.layout", "package a;\nstruct s { int x; };\n".getBytes(StandardCharsets.UTF_8));
        Spec spec = SpecReader.read(p);
        assertEquals(p.toString(), spec.source().name());
        assertEquals(p.toString(), spec.record("s").orElseThrow().pos().file());
    }

    @Test
    void aMissingFileIsADiagnosticWithoutALine() {
        Path p = dir.resolve("nope.layout");
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(p));
        assertEquals(p + ": error: no such file\n", e.render());
    }

    @Test
    void aDirectoryIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(dir));
        assertEquals(dir + ": error: is a directory, not a spec file\n", e.render());
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws IOException {
        byte[] bytes = "package a;\nstruct s { int \u00e9x; };\n".getBytes(StandardCharsets.UTF_8);
        // corrupt the second byte of the two-byte 'é' (at line 2, column 16) into a non-continuation byte
        int at = "package a;\nstruct s { int ".getBytes(StandardCharsets.UTF_8).length;
        bytes[at + 1] = 'x';
        Path p = write("bad.layout", bytes);
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(p));
        assertEquals(p + ":2:16: error: invalid UTF-8: byte 0xC3 cannot appear here; a spec must be UTF-8 text\n"
                + "struct s { int \n"
                + "               ^\n", e.render());
    }

    @Test
    void aLoneContinuationByteIsInvalid() throws IOException {
        Path p = write("bad.layout", new byte[] {'p', 'a', (byte) 0x80});
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(p));
        assertEquals("1:3: invalid UTF-8: byte 0x80 cannot appear here; a spec must be UTF-8 text",
                Specs.format(e.diagnostics()));
    }

    @Test
    void aNulByteMeansABinaryFile() throws IOException {
        Path p = write("bin.layout", "package a;\nab\0cd".getBytes(StandardCharsets.UTF_8));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(p));
        assertEquals("2:3: NUL byte: this looks like a binary file, not a spec", Specs.format(e.diagnostics()));
    }

    @Test
    void aByteOrderMarkIsStripped() throws Exception {
        byte[] text = "package a;\nstruct s { int x; };\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Spec spec = SpecReader.read(write("bom.layout", bytes));
        assertEquals(1, spec.source().pos(0).column());
        assertEquals("a", spec.packageName());
    }

    @Test
    void crlfLineEndingsWork() throws Exception {
        Spec spec = SpecReader.read(write("crlf.layout",
                "package a;\r\n/// doc\r\nstruct s {\r\n int x;\r\n};\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(java.util.Optional.of("doc"), spec.record("s").orElseThrow().doc());
        assertEquals(4, spec.record("s").orElseThrow().members().getFirst().pos().line());
    }
}
