package dev.parley.plugins.pocketsphinx;

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

    @Override
    public SttEngine create(ComponentConfig config) {
        PocketsphinxConfig settings = PocketsphinxConfig.from(config);
        try {
            return new PocketsphinxEngine(settings);
        } catch (UnsatisfiedLinkError e) {
            throw new ConfigException(config.source() + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new ConfigException(config.source() + ": " + e.getMessage(), e);
        }
    }
}
