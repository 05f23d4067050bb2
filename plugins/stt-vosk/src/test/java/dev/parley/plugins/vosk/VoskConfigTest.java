package dev.parley.plugins.vosk;

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
class VoskConfigTest {
    static final String SOURCE = "pipelines/vosk.yaml:7 stages.stt.config";

    @Test
    void noModelConfiguredSaysHowToGetOne() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> VoskConfig.from(new ComponentConfig(Map.of(), SOURCE), null));
        assertTrue(e.getMessage().contains(SOURCE), e.getMessage());
        assertTrue(e.getMessage().contains("PARLEY_VOSK_MODEL"), e.getMessage());
        assertTrue(e.getMessage().contains("vosk-model-small-en-us-0.15"), e.getMessage());
    }

    @Test
    void missingDirectoryIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> new VoskSttProvider()
                .create(new ComponentConfig(Map.of("model_path", "/no/such/vosk-model"), SOURCE)));
        assertTrue(e.getMessage().contains("/no/such/vosk-model") && e.getMessage().contains("model_path"),
                e.getMessage());
    }

    @Test
    void directoryThatIsNotAModelIsRejectedByVoskItself(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README"), "not a model");
        ConfigException e = assertThrows(ConfigException.class, () -> new VoskSttProvider()
                .create(new ComponentConfig(Map.of("model_path", dir.toString()), SOURCE)));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("alphacephei.com/vosk/models"),
                e.getMessage());
    }

    @Test
    void environmentVariableIsTheDefaultAndYamlWins(@TempDir Path dir) {
        assertEquals(dir, VoskConfig.from(new ComponentConfig(Map.of(), SOURCE), dir.toString()).modelPath());
        assertEquals(dir, VoskConfig.from(new ComponentConfig(Map.of("model_path", dir.toString()), SOURCE),
                "/elsewhere").modelPath());
        assertEquals(16_000, VoskConfig.from(new ComponentConfig(Map.of(), SOURCE), dir.toString()).sampleRate());
    }

    @Test
    void jsonFieldsAreRead() {
        assertEquals("turn off the lights", VoskJson.field("{\n  \"partial\" : \"turn off the lights\"\n}", "partial"));
        assertEquals("caf\u00e9 \"x\"", VoskJson.field("{\"text\" : \"caf\\u00e9 \\\"x\\\"\"}", "text"));
        assertEquals("", VoskJson.field("{\"text\" : \"\"}", "text"));
        assertEquals("", VoskJson.field("{}", "text"));
        assertEquals("", VoskJson.field(null, "text"));
    }
}
