package dev.parley.plugins.marytts;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
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
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("voice", ConfigType.STRING, "cmu-slt-hsmm",
                    "voice when the session asks for none (an installed voice or preset)")
            .key("speed", ConfigType.NUMBER, "1.0",
                    "base rate 0.25..1.5, multiplied with the session's speed")
            .key("pitch", ConfigType.NUMBER, "0",
                    "base pitch shift in semitones, -12..12")
            .key("chunk_ms", ConfigType.INTEGER, "20",
                    "audio chunk length handed on while synthesising, 5..200")
            .key("max_clause_chars", ConfigType.INTEGER, "200",
                    "longer text is cut at sentence/clause/word boundaries, 40..2000")
            .key("vocoder", ConfigType.STRING, "streaming",
                    "streaming (MaryTTS' own thread per sentence, early first audio) or pool (on the CPU pool, "
                            + "less CPU, first audio after the sentence is vocoded)")
            .build();

    @Override
    public String id() {
        return "marytts";
    }

    @Override
    public String description() {
        return "MaryTTS 5.2.1 speech synthesis (offline, US English), streamed while it is produced";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        MaryTtsEngine.requireVoice(MaryRuntime.get(), MaryTtsConfig.from(config), config.source());
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
