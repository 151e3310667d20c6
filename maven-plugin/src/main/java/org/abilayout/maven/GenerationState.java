package org.abilayout.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last successful {@code generate} did, kept under {@code target/}: the fingerprint of
 * the plugin and its configuration, and for each spec the hash of its content and the files it
 * produced. Written only after a run succeeded, removed before a run starts generating, so a
 * failed run never leaves a marker that would skip the next one.
 *
 * <p>The format is line-based text: {@code config HASH}, then per spec {@code spec HASH PATH}
 * followed by its {@code out FILE} lines.
 *
 * @param config fingerprint of the plugin version and every parameter
 * @param specs by spec path relative to the spec directory
 */
record GenerationState(String config, SortedMap<String, SpecState> specs) {
    private static final String HEADER = "abilayout-generate-state 1";

    /** @param hash of the spec's content; @param outputs absolute paths of the files it produced */
    record SpecState(String hash, List<Path> outputs) {
        SpecState {
            outputs = List.copyOf(outputs);
        }
    }

    GenerationState {
        specs = new TreeMap<>(specs);
    }

    /** Every file the recorded specs produced. */
    List<Path> outputs() {
        return specs.values().stream().flatMap(s -> s.outputs().stream()).toList();
    }

    /** The state, or empty when there is none or it is unreadable (then everything is regenerated). */
    static Optional<GenerationState> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) return Optional.empty();
            String config = null;
            SortedMap<String, SpecState> specs = new TreeMap<>();
            String spec = null;
            String hash = null;
            List<Path> outputs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ", 3);
                switch (parts[0]) {
                    case "config" -> config = parts[1];
                    case "spec" -> {
                        if (spec != null) specs.put(spec, new SpecState(hash, outputs));
                        hash = parts[1];
                        spec = parts[2];
                        outputs = new ArrayList<>();
                    }
                    case "out" -> outputs.add(Path.of(line.substring("out ".length())));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (spec != null) specs.put(spec, new SpecState(hash, outputs));
            return config == null ? Optional.empty() : Optional.of(new GenerationState(config, specs));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("config ").append(config).append('\n');
        for (Map.Entry<String, SpecState> e : specs.entrySet()) {
            sb.append("spec ").append(e.getValue().hash()).append(' ').append(e.getKey()).append('\n');
            for (Path p : e.getValue().outputs()) sb.append("out ").append(p).append('\n');
        }
        org.abilayout.codegen.OutputFiles.write(file, sb.toString());
    }
}
