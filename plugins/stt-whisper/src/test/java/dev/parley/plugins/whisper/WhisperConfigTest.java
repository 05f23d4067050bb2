package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing or unusable models fail with a message naming the path and where to get a model. */
class WhisperConfigTest {
    static final String SOURCE = "pipelines/whisper.yaml:5 stages.stt.config";

    @Test
    void noModelConfiguredSaysHowToGetOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WhisperConfig.from(new ComponentConfig(Map.of(), SOURCE), ""));
        assertTrue(e.getMessage().contains(SOURCE) && e.getMessage().contains("PARLEY_WHISPER_MODEL")
                && e.getMessage().contains("ggml-base.en.bin"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> new WhisperSttProvider()
                .create(new ComponentConfig(Map.of("model_path", "/no/such/ggml-base.en.bin"), SOURCE)));
        assertTrue(e.getMessage().contains("/no/such/ggml-base.en.bin") && e.getMessage().contains("model_path"),
                e.getMessage());
    }

    @Test
    void fileThatIsNotAModelIsRejectedByWhisperItself(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("ggml-bogus.bin");
        Files.write(bogus, new byte[4096]);
        ConfigException e = assertThrows(ConfigException.class, () -> new WhisperSttProvider()
                .create(new ComponentConfig(Map.of("model_path", bogus.toString()), SOURCE)));
        assertTrue(e.getMessage().contains(bogus.toString()) && e.getMessage().contains("not a ggml whisper model"),
                e.getMessage());
    }

    @Test
    void defaultsAndValidation(@TempDir Path dir) throws Exception {
        Path model = Files.createFile(dir.resolve("m.bin"));
        WhisperConfig c = WhisperConfig.from(new ComponentConfig(Map.of(), SOURCE), model.toString());
        assertEquals(model, c.modelPath());
        assertEquals(1000, c.partialIntervalMs());
        assertEquals("en", c.language());
        ConfigException e = assertThrows(ConfigException.class, () -> WhisperConfig.from(
                new ComponentConfig(Map.of("partial_interval_ms", 50), SOURCE), model.toString()));
        assertTrue(e.getMessage().contains("partial_interval_ms"), e.getMessage());
    }
}
