package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaryTtsConfigTest {
    @Test
    void defaults() {
        assertEquals(new MaryTtsConfig("cmu-slt-hsmm", 1.0, 0.0, 20, 200), MaryTtsConfig.from(ComponentConfig.empty()));
    }

    @Test
    void readsEveryKey() {
        var c = new ComponentConfig(Map.of("voice", "echo", "speed", 1.2, "pitch", "-2", "chunk_ms", 40,
                "max_clause_chars", "120"), "p.yaml:3 stages.tts.config");
        assertEquals(new MaryTtsConfig("echo", 1.2, -2.0, 40, 120), MaryTtsConfig.from(c));
    }

    @Test
    void vocoderIsStreamingUnlessPoolIsAsked() {
        assertEquals(false, MaryTtsConfig.from(ComponentConfig.empty()).vocodeOnPool());
        var pool = new ComponentConfig(Map.of("vocoder", "pool"), "p.yaml:3 stages.tts.config");
        assertEquals(true, MaryTtsConfig.from(pool).vocodeOnPool());
        var bad = new ComponentConfig(Map.of("vocoder", "thread"), "p.yaml:3 stages.tts.config");
        var e = assertThrows(ConfigException.class, () -> MaryTtsConfig.from(bad));
        assertEquals("p.yaml:3 stages.tts.config: key 'vocoder' must be 'streaming' or 'pool', got 'thread'",
                e.getMessage());
    }

    @Test
    void outOfRangeNamesFileKeyAndRange() {
        var c = new ComponentConfig(Map.of("speed", 3), "pipelines/x.yaml:7 stages.tts.config");
        var e = assertThrows(ConfigException.class, () -> MaryTtsConfig.from(c));
        assertEquals("pipelines/x.yaml:7 stages.tts.config: key 'speed' must be between 0.25 and 1.5, got 3", e.getMessage());
    }

    @Test
    void malformedNumberNamesTheKey() {
        var c = new ComponentConfig(Map.of("chunk_ms", "fast"), "y.yaml:2");
        var e = assertThrows(ConfigException.class, () -> MaryTtsConfig.from(c));
        assertEquals("y.yaml:2: key 'chunk_ms' must be an integer, got 'fast'", e.getMessage());
    }

    @Test
    void unknownDefaultVoiceIsAConfigError() {
        var c = new ComponentConfig(Map.of("voice", "nova"), "z.yaml:4 stages.tts.config");
        var e = assertThrows(ConfigException.class, () -> new MaryTtsProvider().create(c));
        assertEquals("z.yaml:4 stages.tts.config: key 'voice': Unknown voice 'nova'; available voices: cmu-slt-hsmm, "
                + "cmu-slt-hsmm-low, alloy, ash, ballad, coral, echo, sage, shimmer, verse, marin, cedar", e.getMessage());
    }
}
