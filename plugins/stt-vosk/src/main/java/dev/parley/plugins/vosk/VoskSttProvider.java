package dev.parley.plugins.vosk;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;
import org.pf4j.Extension;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

import java.io.IOException;

/**
 * Provider {@code vosk}: streaming speech recognition with Vosk (Kaldi) and a user-supplied model. Config keys:
 * see {@link VoskConfig} and the plugin README.
 */
@Extension
public class VoskSttProvider implements SttProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_path", ConfigType.PATH, "$PARLEY_VOSK_MODEL",
                    "unpacked Vosk model directory (required one way or the other)")
            .key("sample_rate", ConfigType.INTEGER, "16000",
                    "rate the recogniser is fed, 8000..48000 (the runtime resamples to it)")
            .key("partial_interval_ms", ConfigType.INTEGER, "150",
                    "audio between partials (>= 20)")
            .build();

    @Override
    public String id() {
        return "vosk";
    }

    @Override
    public String description() {
        return "Vosk (Kaldi), streaming partials, user-supplied model (model_path / PARLEY_VOSK_MODEL)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        VoskConfig.from(config);
    }

    /** Decoding runs on the context's CPU pool, one serial lane per stream. */
    @Override
    public SttEngine create(ComponentConfig config, ComponentContext context) {
        VoskConfig settings = VoskConfig.from(config);
        try {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            return new VoskEngine(new Model(settings.modelPath().toString()), settings, context.cpu());
        } catch (IOException e) {
            throw new ConfigException(config.source() + ": Vosk could not load the model in 'model_path' "
                    + settings.modelPath() + " (not a Vosk model directory?). " + VoskConfig.WHERE_TO_GET, e);
        } catch (UnsatisfiedLinkError e) {
            throw new ConfigException(config.source() + ": the Vosk native library did not load: " + e.getMessage(), e);
        }
    }

    @Override
    public SttEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }
}
