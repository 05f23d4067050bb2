package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperJNI;
import org.pf4j.Extension;

import java.io.IOException;

/**
 * Provider {@code whisper}: whisper.cpp through whisper-jni with a user-supplied ggml model. Partials come from
 * re-decoding the growing utterance; see {@link WhisperConfig} and the plugin README.
 */
@Extension
public class WhisperSttProvider implements SttProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_path", ConfigType.PATH, "$PARLEY_WHISPER_MODEL",
                    "ggml whisper model file (required one way or the other)")
            .key("partial_interval_ms", ConfigType.INTEGER, "1000",
                    "audio between re-decodes for partials; 0 = finals only (>= 200)")
            .key("language", ConfigType.STRING, "en",
                    "language code, or \"auto\" with a multilingual model")
            .key("threads", ConfigType.INTEGER, "min(4, cores)",
                    "decoder threads per decode (>= 1)")
            .build();

    @Override
    public String id() {
        return "whisper";
    }

    @Override
    public String description() {
        return "whisper.cpp (whisper-jni), re-decoded partials, user-supplied ggml model (model_path / PARLEY_WHISPER_MODEL)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        WhisperConfig.from(config);
    }

    /** Decoding runs on the context's CPU pool, one serial lane per stream. */
    @Override
    public SttEngine create(ComponentConfig config, ComponentContext componentContext) {
        WhisperConfig settings = WhisperConfig.from(config);
        WhisperJNI jni;
        try {
            jni = WhisperNative.get();
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new ConfigException(config.source() + ": the whisper-jni native library did not load on this "
                    + "platform: " + e.getMessage(), e);
        }
        WhisperContext context;
        WhisperNative.HANDLES.writeLock().lock();
        try {
            context = jni.initNoState(settings.modelPath());
        } catch (IOException e) {
            context = null;
        } finally {
            WhisperNative.HANDLES.writeLock().unlock();
        }
        if (context == null) {
            throw new ConfigException(config.source() + ": whisper could not load 'model_path' " + settings.modelPath()
                    + " (not a ggml whisper model?). " + WhisperConfig.WHERE_TO_GET);
        }
        return new WhisperEngine(jni, context, settings, componentContext.cpu());
    }

    @Override
    public SttEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }
}
