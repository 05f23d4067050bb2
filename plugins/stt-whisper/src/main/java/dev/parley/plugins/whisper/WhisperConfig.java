package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.MissingResourceException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the {@code whisper} STT stage.
 *
 * @param modelPath         ggml model file (key {@code model_path}; default: environment variable
 *                          {@code PARLEY_WHISPER_MODEL})
 * @param partialIntervalMs audio between two re-decodes of the growing utterance (key {@code partial_interval_ms},
 *                          default 1000; 0 disables partials)
 * @param language          spoken language code, or {@code auto} (key {@code language}, default {@code en})
 * @param threads           decoder threads per decode (key {@code threads}, default min(4, cores))
 */
public record WhisperConfig(Path modelPath, int partialIntervalMs, String language, int threads) {
    public static final String MODEL_ENV = "PARLEY_WHISPER_MODEL";
    public static final int SAMPLE_RATE = 16_000;

    static final String WHERE_TO_GET = "Download a whisper.cpp ggml model (e.g. ggml-base.en.bin or ggml-tiny.en.bin "
            + "from the whisper.cpp project's model list, see its models/README.md) and set 'model_path' or the "
            + "environment variable " + MODEL_ENV + " to the file.";

    static WhisperConfig from(ComponentConfig config) {
        return from(config, System.getenv(MODEL_ENV));
    }

    /** As {@link #from(ComponentConfig)} with the environment value passed in (tests). */
    static WhisperConfig from(ComponentConfig config, String envModel) {
        Path model = config.path("model_path")
                .or(() -> Optional.ofNullable(envModel).filter(s -> !s.isBlank()).map(Path::of))
                .orElseThrow(() -> new MissingResourceException(config.source() + ": no Whisper model configured ('model_path' "
                        + "unset and " + MODEL_ENV + " empty). " + WHERE_TO_GET));
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new ConfigException(config.source() + ": Whisper model file 'model_path' not found: " + model
                    + ". " + WHERE_TO_GET);
        }
        int interval = config.integer("partial_interval_ms", 1000);
        if (interval != 0 && interval < 200) {
            throw new ConfigException(config.source() + ": key 'partial_interval_ms' must be 0 (no partials) or at "
                    + "least 200, got " + interval);
        }
        int threads = config.integer("threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (threads < 1) {
            throw new ConfigException(config.source() + ": key 'threads' must be at least 1, got " + threads);
        }
        return new WhisperConfig(model, interval, config.string("language", "en"), threads);
    }
}
