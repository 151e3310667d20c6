package org.abilayout.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.resolve.Resolver;
import org.abilayout.spec.source.Diagnostic;
import org.abilayout.spec.source.Reporter;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SourcePos;
import org.abilayout.spec.source.SpecException;
import org.abilayout.spec.syntax.Parser;
import org.abilayout.spec.syntax.Syntax;

/**
 * The front end's entry point: reads a spec file (strict UTF-8), lexes, parses and resolves it
 * into a {@link Spec}, or fails with every diagnostic found.
 */
public final class SpecReader {
    /** Larger files are refused before reading: a spec is a page of declarations, not a data set. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private SpecReader() {}

    /** Reads and resolves {@code file}; a missing or unreadable file is a diagnostic too. */
    public static Spec read(Path file) throws SpecException {
        return parse(load(file));
    }

    /** Parses and resolves already-decoded source text. */
    public static Spec parse(SourceFile source) throws SpecException {
        Reporter reporter = new Reporter(source);
        try {
            Syntax.File syntax = Parser.parse(source, reporter);
            Spec spec = Resolver.resolve(syntax, reporter);
            reporter.throwIfErrors();
            return spec;
        } catch (Reporter.Stop stop) {
            throw reporter.exception();
        }
    }

    /**
     * Reads {@code file} as strict UTF-8 (a leading BOM is dropped). Problems are diagnostics: a
     * missing file or a directory without a line, a bad byte or a NUL at its line and column.
     */
    public static SourceFile load(Path file) throws SpecException {
        String name = file.toString();
        SourcePos whole = new SourcePos(name, 0, 0, 0);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw fileError(whole, "is a directory, not a spec file");
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw fileError(whole, "file too large for a spec (more than " + (MAX_FILE_BYTES >> 20) + " MB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fileError(whole, "no such file");
        } catch (IOException e) {
            throw fileError(whole, "cannot read: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // a UTF-8 byte order mark is not part of the text (editors on Windows add one)
        int bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            // the text before the bad byte locates it and gives the diagnostic its source line
            String before = out.flip().toString();
            SourceFile partial = new SourceFile(name, before);
            SourcePos pos = partial.pos(before.length());
            String message = String.format("invalid UTF-8: byte 0x%02X cannot appear here; a spec must be UTF-8 text",
                    bytes[in.position()] & 0xff);
            throw new SpecException(List.of(Diagnostic.error(pos, message)), List.of(partial));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        SourceFile source = new SourceFile(name, text);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new SpecException(List.of(Diagnostic.error(source.pos(nul),
                    "NUL byte: this looks like a binary file, not a spec")), List.of(source));
        }
        return source;
    }

    private static SpecException fileError(SourcePos pos, String message) {
        return new SpecException(Diagnostic.error(pos, message), null);
    }
}
