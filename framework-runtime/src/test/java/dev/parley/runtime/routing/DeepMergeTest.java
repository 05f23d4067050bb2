package dev.parley.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepMergeTest {
    @Test
    void mapsMergeRecursivelyScalarsAndListsReplaceNullRemoves() {
        Map<String, Object> base = Map.of(
                "tts", Map.of("provider", "marytts", "config", Map.of("voice", "cmu-slt-hsmm", "speed", 1.0,
                        "lexicon", List.of("a", "b"))),
                "vad", Map.of("provider", "energy", "config", Map.of("threshold", 0.5)));
        Map<String, Object> override = new LinkedHashMap<>();
        Map<String, Object> vadOverride = new LinkedHashMap<>();
        vadOverride.put("provider", "silero");
        vadOverride.put("config", null); // drop the energy-specific settings
        override.put("tts", Map.of("config", Map.of("voice", "cmu-bdl-hsmm", "lexicon", List.of("c"))));
        override.put("vad", vadOverride);
        override.put("turn", Map.of("provider", "pocketsphinx-lm"));

        Map<String, Object> merged = DeepMerge.merge(base, override);

        assertEquals(Map.of(
                "tts", Map.of("provider", "marytts", "config", Map.of("voice", "cmu-bdl-hsmm", "speed", 1.0,
                        "lexicon", List.of("c"))),
                "vad", Map.of("provider", "silero"),
                "turn", Map.of("provider", "pocketsphinx-lm")), merged);
        // inputs untouched
        assertEquals("cmu-slt-hsmm", ((Map<?, ?>) ((Map<?, ?>) base.get("tts")).get("config")).get("voice"));
    }

    @Test
    void aMapReplacesAScalarAndViceVersa() {
        assertEquals(Map.of("a", Map.of("x", 1)), DeepMerge.merge(Map.of("a", "text"), Map.of("a", Map.of("x", 1))));
        assertEquals(Map.of("a", 5), DeepMerge.merge(Map.of("a", Map.of("x", 1)), Map.of("a", 5)));
    }

    @Test
    void theResultSharesNothingMutableWithTheInputs() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("v", 1));
        Map<String, Object> merged = DeepMerge.merge(Map.of("m", inner), Map.of());
        inner.put("v", 2);
        assertEquals(Map.of("m", Map.of("v", 1)), merged);
    }
}
