package dev.parley.plugins.pocketsphinx;

import dev.parley.api.context.ComponentContext;
import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;
import org.pf4j.Extension;

/**
 * Provider {@code pocketsphinx}: offline streaming speech recognition with CMU PocketSphinx and Debian's US
 * English model. Config keys: see {@link PocketsphinxConfig} and the plugin README.
 */
@Extension
public class PocketsphinxSttProvider implements SttProvider {
    @Override
    public String id() {
        return "pocketsphinx";
    }

    @Override
    public String description() {
        return "CMU PocketSphinx, offline, US English, streaming partials (16 kHz)";
    }

    /** Decoding runs on the context's CPU pool, one serial lane per stream. */
    @Override
    public SttEngine create(ComponentConfig config, ComponentContext context) {
        PocketsphinxConfig settings = PocketsphinxConfig.from(config);
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
