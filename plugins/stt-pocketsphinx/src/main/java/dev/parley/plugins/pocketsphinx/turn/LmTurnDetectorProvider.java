package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.ConfigSpec;
import dev.parley.api.ConfigType;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.turn.TurnDetectorProvider;
import org.pf4j.Extension;

/**
 * Provider {@code pocketsphinx-lm}: semantic end-of-turn scoring for {@code semantic_vad}, from the pocketsphinx
 * trigram LM plus lexical cues. Config keys: see {@link LmTurnConfig}.
 */
@Extension
public class LmTurnDetectorProvider implements TurnDetectorProvider {
    /** The {@code config:} keys this provider reads. */
    static final ConfigSpec KEYS = ConfigSpec.builder()
            .key("model_dir", ConfigType.PATH, "/usr/share/pocketsphinx/model/en-us",
                    "directory holding en-us.lm.bin")
            .key("lm", ConfigType.PATH, "<model_dir>/en-us.lm.bin",
                    "ARPA or sphinx binary n-gram model")
            .key("center", ConfigType.NUMBER, "-3.0",
                    "ln P(end) at which the LM alone is undecided")
            .key("slope", ConfigType.NUMBER, "1.0",
                    "log-odds per nat (> 0)")
            .build();

    @Override
    public String id() {
        return "pocketsphinx-lm";
    }

    @Override
    public String description() {
        return "end-of-utterance probability from the pocketsphinx trigram LM and lexical cues";
    }

    @Override
    public ConfigSpec configSpec() {
        return KEYS;
    }

    /** The same config reading (and file checks) as {@link #create}, without loading anything. */
    @Override
    public void check(ComponentConfig config, ComponentContext context) {
        LmTurnConfig.from(config);
    }

    @Override
    public TurnDetector create(ComponentConfig config) {
        LmTurnConfig settings = LmTurnConfig.from(config);
        try {
            return new LmTurnDetector(SentenceEndModel.load(settings.lm()), settings);
        } catch (UnsatisfiedLinkError | IllegalStateException e) {
            throw new ConfigException(config.source() + ": " + e.getMessage(), e);
        }
    }
}
