package org.abilayout.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {

    @Test
    void roundTripsSpecsWithSpacesInTheirPathsAndTheirOutputs(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("gen dir/Umutex.java");
        GenerationState state = new GenerationState("c0ffee", new TreeMap<>(Map.of(
                "freebsd/umtx v2.layout", new GenerationState.SpecState("abc", List.of(out, dir.resolve("umtx.h"))),
                "empty.layout", new GenerationState.SpecState("def", List.of()))));
        Path file = dir.resolve("state/generate.state");
        state.write(file);
        assertEquals(Optional.of(state), GenerationState.read(file));
        assertEquals(List.of(out, dir.resolve("umtx.h")), GenerationState.read(file).orElseThrow().outputs());
    }

    @Test
    void anUnknownOrDamagedStateCountsAsNoState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("generate.state");
        assertTrue(GenerationState.read(file).isEmpty());
        Files.writeString(file, "something else\n");
        assertTrue(GenerationState.read(file).isEmpty());
        Files.writeString(file, "abilayout-generate-state 1\nspec abc\n");
        assertTrue(GenerationState.read(file).isEmpty());
    }
}
