package dev.parley.plugins.vosk;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.MissingResourceException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the {@code vosk} STT stage.
 *
 * @param modelPath         unpacked Vosk model directory (key {@code model_path}; default: environment variable
 *                          {@code PARLEY_VOSK_MODEL})
 * @param sampleRate        audio rate the recogniser is fed (key {@code sample_rate}, default 16000)
 * @param partialIntervalMs audio between two partial results (key {@code partial_interval_ms}, default 150)
 */
public record VoskConfig(Path modelPath, int sampleRate, int partialIntervalMs) {
    public static final String MODEL_ENV = "PARLEY_VOSK_MODEL";

    static final String WHERE_TO_GET = "Download and unzip a model from the Vosk model list "
            + "(https://alphacephei.com/vosk/models), e.g. vosk-model-small-en-us-0.15 (40 MB), and set 'model_path' "
            + "or the environment variable " + MODEL_ENV + " to its directory.";

    static VoskConfig from(ComponentConfig config) {
        return from(config, System.getenv(MODEL_ENV));
    }

    /** As {@link #from(ComponentConfig)} with the environment value passed in (tests). */
    static VoskConfig from(ComponentConfig config, String envModel) {
        Path model = config.path("model_path")
                .or(() -> Optional.ofNullable(envModel).filter(s -> !s.isBlank()).map(Path::of))
                .orElseThrow(() -> new MissingResourceException(config.source() + ": no Vosk model configured ('model_path' "
                        + "unset and " + MODEL_ENV + " empty). " + WHERE_TO_GET));
        if (!Files.isDirectory(model) || !Files.isReadable(model)) {
            throw new ConfigException(config.source() + ": Vosk model directory 'model_path' not found: " + model
                    + ". " + WHERE_TO_GET);
        }
        int rate = config.integer("sample_rate", 16_000);
        if (rate < 8_000 || rate > 48_000) {
            throw new ConfigException(config.source() + ": key 'sample_rate' must be 8000..48000, got " + rate);
        }
        int interval = config.integer("partial_interval_ms", 150);
        if (interval < 20) {
            throw new ConfigException(config.source() + ": key 'partial_interval_ms' must be at least 20, got " + interval);
        }
        return new VoskConfig(model, rate, interval);
    }
}
