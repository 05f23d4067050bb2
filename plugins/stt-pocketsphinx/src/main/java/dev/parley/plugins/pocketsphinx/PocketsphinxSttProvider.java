package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;
import org.pf4j.Extension;

/**
 * Provider {@code pocketsphinx}: offline streaming speech recognition with CMU PocketSphinx and Debian's US
 * English model. Config keys: see {@link PocketsphinxConfig} and the plugin README.
 */
@Extension
public class PocketsphinxSttProvider implements SttProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_dir", ConfigType.PATH, "/usr/share/pocketsphinx/model/en-us",
                    "directory holding the en-us model files")
            .key("hmm", ConfigType.PATH, "<model_dir>/en-us",
                    "acoustic model directory")
            .key("lm", ConfigType.PATH, "<model_dir>/en-us.lm.bin",
                    "trigram language model")
            .key("dict", ConfigType.PATH, "<model_dir>/cmudict-en-us.dict",
                    "pronunciation dictionary")
            .key("partial_interval_ms", ConfigType.INTEGER, "150",
                    "audio between partial hypotheses (>= 20)")
            .key("pool_size", ConfigType.INTEGER, "--max-sessions (2 without a limit)",
                    "decoders warmed at start and kept idle for reuse (>= 0)")
            .key("fwdflat", ConfigType.BOOLEAN, "true",
                    "run the flat-lexicon second pass (more accurate, longer final)")
            .build();

    @Override
    public String id() {
        return "pocketsphinx";
    }

    @Override
    public String description() {
        return "CMU PocketSphinx, offline, US English, streaming partials (16 kHz)";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        PocketsphinxConfig.from(config);
    }

    /** Decoding runs on the context's CPU pool, one serial lane per stream. */
    @Override
    public SttEngine create(ComponentConfig config, ComponentContext context) {
        PocketsphinxConfig settings = PocketsphinxConfig.from(config, context.maxSessions());
        try {
            return new PocketsphinxEngine(settings, context.cpu());
        } catch (UnsatisfiedLinkError e) {
            throw new ConfigException(config.source() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new ConfigException(config.source() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SttEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }
}
