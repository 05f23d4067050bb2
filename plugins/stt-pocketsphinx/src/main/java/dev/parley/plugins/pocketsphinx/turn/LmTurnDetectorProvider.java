package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.turn.TurnDetector;
import dev.parley.api.turn.TurnDetectorProvider;
import org.pf4j.Extension;

/**
 * Provider {@code pocketsphinx-lm}: semantic end-of-turn scoring for {@code semantic_vad}, from the pocketsphinx
 * trigram LM plus lexical cues. Config keys: see {@link LmTurnConfig}.
 */
@Extension
public class LmTurnDetectorProvider implements TurnDetectorProvider {
    @Override
    public String id() {
        return "pocketsphinx-lm";
    }

    @Override
    public String description() {
        return "end-of-utterance probability from the pocketsphinx trigram LM and lexical cues";
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
