package org.abilayout.codegen.c;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abilayout.arch.Target;
import org.abilayout.compat.Invariants;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SpecException;

/**
 * Writes a spec as one C header that C11 and C++17 compilers accept on every catalogue target:
 * the declarations in source order with explicit padding members, a block that identifies the
 * target from predefined macros, versioning helpers, and static assertions of every size,
 * alignment and offset the layout engine computed. The text comes from FreeMarker templates
 * ({@code header.ftl} and its includes) over a {@link HeaderView}; the engine supplies every
 * number. Output is deterministic: the same spec and targets give the same bytes.
 */
public final class CHeaderGenerator {
    private static final Configuration FREEMARKER = configuration();

    /**
     * @param spec the resolved spec
     * @param fileName the spec's file name for the banner ({@code umtx.layout})
     * @param targets the targets the header identifies and asserts; others get an {@code #error}
     * @return the header text
     * @throws SpecException if the spec cannot be laid out on a target, breaks its own
     *     {@code @offset}/{@code @size} pins, or cannot be written as C
     */
    public String generate(Spec spec, String fileName, List<Target> targets) throws SpecException {
        if (targets.isEmpty()) throw new IllegalArgumentException("a header needs at least one target");
        List<SpecLayout> layouts = LayoutEngine.layoutAll(spec, targets);
        // a header whose own @offset/@size assertions fail would be a broken header: refuse it
        List<Invariants.Violation> violations = Invariants.check(layouts);
        if (!violations.isEmpty()) {
            throw new SpecException(violations.stream().map(Invariants.Violation::diagnostic).toList(),
                    List.of(spec.source()));
        }
        return render(new HeaderViewBuilder(spec, fileName, layouts).build());
    }

    /**
     * Generates the header and writes it to {@code outDir/<package with non-identifier characters
     * as underscores>.h} ({@code freebsd_umtx.h}), atomically: the text goes to a temporary file
     * in the same directory, which then replaces the target. Bad input leaves no file behind.
     *
     * @return the written file
     */
    public Path write(Spec spec, List<Target> targets, Path outDir) throws SpecException, IOException {
        String text = generate(spec, fileNameOf(spec), targets);
        Path out = outDir.resolve(headerFileName(spec));
        org.abilayout.codegen.AtomicOutput.write(out, text);
        return out;
    }

    /** The header's file name: {@code freebsd.umtx} → {@code freebsd_umtx.h}. */
    public static String headerFileName(Spec spec) {
        return HeaderViewBuilder.headerName(spec.packageName());
    }

    /** The macro prefix of a spec's header: {@code freebsd.umtx} → {@code FREEBSD_UMTX}. */
    public static String macroPrefix(Spec spec) {
        return HeaderViewBuilder.prefix(spec.packageName());
    }

    private static String fileNameOf(Spec spec) {
        String name = spec.source().name();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static String render(HeaderView view) {
        try {
            Template template = FREEMARKER.getTemplate("header.ftl");
            StringWriter out = new StringWriter();
            template.process(Map.of("h", view), out);
            // the same bytes on every machine, whatever line endings a checkout gave the templates
            return out.toString().replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the C header templates are missing from the classpath", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("C header template failed: " + e.getMessage(), e);
        }
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setClassForTemplateLoading(CHeaderGenerator.class, "");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }
}
