package org.abilayout.mutex.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.abilayout.arch.Catalogue;
import org.abilayout.arch.Target;
import org.abilayout.layout.FlatField;
import org.abilayout.layout.LayoutEngine;
import org.abilayout.layout.RecordLayout;
import org.abilayout.layout.SpecLayout;
import org.abilayout.spec.SpecReader;
import org.abilayout.spec.model.ConstDecl;
import org.abilayout.spec.model.Decl;
import org.abilayout.spec.model.Spec;
import org.abilayout.spec.source.SourceFile;
import org.abilayout.spec.source.SpecException;

/**
 * The tests' oracle: the layout of {@code shared_mutex.layout} on a target as the layout engine
 * computes it from the shipped spec, independently of the generated accessors that the library
 * uses.
 *
 * @param target the target the offsets are for
 * @param mutex {@code struct shared_mutex}
 * @param cond {@code struct shared_cond}
 * @param region {@code struct shared_region}
 * @param constants every {@code const} of the spec, by name
 */
public record MutexAbi(Target target, StructAbi mutex, StructAbi cond, StructAbi region, Map<String, Long> constants) {
    /** The spec, shipped as a class-path resource beside this package. */
    public static final String SPEC_RESOURCE = "/org/abilayout/mutex/shared_mutex.layout";

    public MutexAbi {
        constants = Map.copyOf(constants);
    }

    /** The layout on the target the generated accessors chose for this host, computed once. */
    public static MutexAbi host() {
        return Holder.HOST;
    }

    /** The value of constant {@code name} as a 32-bit word. */
    public int constant(String name) {
        Long v = constants.get(name);
        if (v == null) throw new IllegalStateException("shared_mutex.layout has no constant " + name);
        return (int) (long) v;
    }

    /** Lays out the spec on {@code target}. */
    public static MutexAbi of(Spec spec, Target target) {
        SpecLayout layout;
        try {
            layout = LayoutEngine.layout(spec, target);
        } catch (SpecException e) {
            throw new IllegalStateException("shared_mutex.layout does not lay out on " + target.name() + ": " + e.getMessage(), e);
        }
        Map<String, Long> constants = new LinkedHashMap<>();
        for (Decl d : spec.decls()) {
            if (d instanceof ConstDecl c) constants.put(c.name(), c.value());
        }
        return new MutexAbi(target, struct(layout, "shared_mutex"), struct(layout, "shared_cond"),
                struct(layout, "shared_region"), constants);
    }

    /** Reads and resolves the shipped spec. */
    public static Spec readSpec() {
        String text;
        try (InputStream in = MutexAbi.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) throw new IllegalStateException(SPEC_RESOURCE + " is missing from the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourceFile source = new SourceFile("shared_mutex.layout", text);
        try {
            return SpecReader.parse(source);
        } catch (SpecException e) {
            throw new IllegalStateException("shared_mutex.layout does not resolve: " + e.getMessage(), e);
        }
    }

    private static StructAbi struct(SpecLayout layout, String name) {
        RecordLayout r = layout.record(name)
                .orElseThrow(() -> new IllegalStateException("shared_mutex.layout has no struct " + name));
        Map<String, Long> offsets = new LinkedHashMap<>();
        long[] reserved = new long[0];
        for (FlatField f : r.flatFields()) {
            offsets.put(f.name(), f.offset());
            if (f.field().member().traits().reserved()) {
                reserved = java.util.Arrays.copyOf(reserved, reserved.length + 2);
                reserved[reserved.length - 2] = f.offset();
                reserved[reserved.length - 1] = f.field().size();
            }
        }
        return new StructAbi(name, r.size(), r.align(), r.decl().traits().version(), offsets, reserved);
    }

    private static final class Holder {
        static final MutexAbi HOST = of(readSpec(),
                Catalogue.byName(org.abilayout.mutex.abi.SharedMutex.Host.target()).orElseThrow());
    }
}
