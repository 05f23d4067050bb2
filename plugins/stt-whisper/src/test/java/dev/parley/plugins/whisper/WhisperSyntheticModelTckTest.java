package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttProvider;
import dev.parley.tck.SttTck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The conformance kit's STT suite on real whisper.cpp with {@link TinyWhisperModel} (a synthetic model that hears
 * nothing), so the plugin's threading and cancel contracts are checked without a user-supplied model; the words
 * are checked by {@link WhisperTckTest} when PARLEY_WHISPER_MODEL names a real one.
 */
class WhisperSyntheticModelTckTest extends SttTck {
    private static final Path MODEL = writeModel();

    private static Path writeModel() {
        try {
            Path dir = Files.createTempDirectory("parley-whisper-tck");
            dir.toFile().deleteOnExit();
            Path model = TinyWhisperModel.write(dir.resolve("ggml-synthetic.bin"));
            model.toFile().deleteOnExit();
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SttProvider provider() {
        return new WhisperSttProvider();
    }

    @Override
    protected ComponentConfig config() {
        return new ComponentConfig(Map.of("model_path", MODEL.toString(), "partial_interval_ms", 500, "threads", 1),
                "tck");
    }
}
