package dev.parley.runtime.input.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VadTimingTest {
    @Test
    void defaultsWhenTheStageSaysNothing() {
        assertEquals(new VadTiming(100, 300), VadTiming.from(ComponentConfig.empty()));
    }

    @Test
    void readsTheStageKeys() {
        VadTiming t = VadTiming.from(new ComponentConfig(Map.of("min_speech_ms", 64, "hangover_ms", "500"), "t"));
        assertEquals(new VadTiming(64, 500), t);
        assertEquals(64, t.segmenter(0.5, 32).onsetDelayMs());
    }

    @Test
    void badValueNamesKeyAndSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> VadTiming.from(
                new ComponentConfig(Map.of("hangover_ms", -5), "pipelines/default.yaml:9 stages.vad.config")));
        assertTrue(e.getMessage().contains("hangover_ms") && e.getMessage().contains("default.yaml:9"),
                e.getMessage());
    }
}
