package dev.parley.plugins.silero;

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

class SileroVadConfigTest {
    @Test
    void defaultModelPathIsUnderTheRepositoryBuildModels() {
        SileroVadConfig c = SileroVadConfig.from(ComponentConfig.empty());
        assertTrue(c.modelPath().endsWith(Path.of("build/models/silero_vad_v5.onnx")), c.modelPath().toString());
        assertEquals(1, c.intraOpThreads());
    }

    @Test
    void missingModelNamesKeyFileAndHowToFetchIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        ConfigException e = assertThrows(ConfigException.class, () -> new SileroVadProvider().create(
                new ComponentConfig(Map.of("model_path", missing.toString()), "pipelines/x.yaml:4 stages.vad.config")));
        assertTrue(e.getMessage().contains("pipelines/x.yaml:4"), e.getMessage());
        assertTrue(e.getMessage().contains("model_path"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("./parley test"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsAConfigError(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        ConfigException e = assertThrows(ConfigException.class, () -> new SileroVadProvider().create(
                new ComponentConfig(Map.of("model_path", junk.toString()), "test")));
        assertTrue(e.getMessage().contains("cannot load Silero VAD model"), e.getMessage());
    }

    @Test
    void badThreadCountNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> SileroVadConfig.from(
                new ComponentConfig(Map.of("intra_op_threads", 0), "test")));
        assertTrue(e.getMessage().contains("intra_op_threads"), e.getMessage());
    }
}
