package dev.parley.plugins.marytts;

import dev.parley.api.ComponentConfig;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsProvider;
import org.pf4j.Extension;

/**
 * The {@code marytts} TTS provider. {@link #create} starts MaryTTS the first time (about a second) and returns an
 * engine configured by the stage's {@code config:} block ({@link MaryTtsConfig}).
 */
@Extension
public class MaryTtsProvider implements TtsProvider {
    @Override
    public String id() {
        return "marytts";
    }

    @Override
    public String description() {
        return "MaryTTS 5.2.1 speech synthesis (offline, US English), streamed while it is produced";
    }

    /** Syntheses run on the context's CPU pool. */
    @Override
    public TtsEngine create(ComponentConfig config, ComponentContext context) {
        MaryTtsConfig c = MaryTtsConfig.from(config);
        return new MaryTtsEngine(MaryRuntime.get(), context.cpu(), c, config.source());
    }

    @Override
    public TtsEngine create(ComponentConfig config) {
        return create(config, ComponentContext.standalone());
    }
}
