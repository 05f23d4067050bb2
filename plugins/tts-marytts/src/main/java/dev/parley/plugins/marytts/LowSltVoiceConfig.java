package dev.parley.plugins.marytts;

import marytts.config.VoiceConfig;
import marytts.exceptions.MaryConfigurationException;

/**
 * Registers the derived MaryTTS voice {@code cmu-slt-hsmm-low} (found by MaryTTS through
 * {@code META-INF/services/marytts.config.MaryConfig}): the {@code cmu-slt-hsmm} models vocoded with all-pass
 * constant 0.64 instead of 0.55, which lowers the formants, so OpenAI's male voice names get a deeper timbre and
 * not only a lower pitch. Streams like the original; see {@code cmu-slt-hsmm-low.config}.
 */
public class LowSltVoiceConfig extends VoiceConfig {
    public LowSltVoiceConfig() throws MaryConfigurationException {
        super(LowSltVoiceConfig.class.getResourceAsStream("cmu-slt-hsmm-low.config"));
    }
}
