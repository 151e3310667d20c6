package org.abilayout.codegen.c;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abilayout.arch.Target;
import org.abilayout.compat.Invariants;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.codegen.GeneratedFile;
import org.abilayout.layout.Layouts;
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
     * The header of the spec laid out in {@code layouts}, for exactly its targets (others get an
     * {@code #error}), named after the spec's package ({@code freebsd.umtx} →
     * {@code freebsd_umtx.h}).
     *
     * @throws SpecException if the spec breaks its own {@code @offset}/{@code @size} pins, or
     *     cannot be written as C
     */
    public GeneratedFile generate(Layouts layouts) throws SpecException {
        return new GeneratedFile(headerFileName(layouts.spec()), text(layouts, fileNameOf(layouts.spec())));
    }

    /**
     * The header text.
     *
     * @param specFileName the spec's file name for the banner ({@code umtx.layout})
     */
    public String text(Layouts layouts, String specFileName) throws SpecException {
        // a header whose own @offset/@size assertions fail would be a broken header: refuse it
        List<Invariants.Violation> violations = Invariants.check(layouts);
        if (!violations.isEmpty()) {
            throw new SpecException(violations.stream().map(Invariants.Violation::diagnostic).toList(),
                    List.of(layouts.spec().source()));
        }
        return render(new HeaderViewBuilder(layouts, specFileName).build());
    }

    /** For callers without layouts yet: lays {@code spec} out on {@code targets} once, then {@link #text}. */
    public String generate(Spec spec, String specFileName, List<Target> targets) throws SpecException {
        return text(LayoutEngine.layoutAll(spec, targets), specFileName);
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
