package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.turn.TurnDetector;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * End-of-utterance probability from words alone: a logistic combination of the trigram LM's
 * {@code ln P(</s> | last two words)} and {@link LexicalCues}:
 * <pre>p = 1 / (1 + exp(-(slope * (clamp(lnEnd, -8, 0) - center) + cues)))</pre>
 * With the defaults (center −3.0 nats, slope 1.0) an utterance the LM finds as likely to end as a typical
 * complete command scores ≈ 0.8, one ending in "the" or "um" scores below 0.05. An empty transcript scores 0.5
 * (no evidence either way). Thread-safe; a couple of microseconds a call.
 */
public final class LmTurnDetector implements TurnDetector {
    private final SentenceEndModel model;
    private final LmTurnConfig config;

    LmTurnDetector(SentenceEndModel model, LmTurnConfig config) {
        this.model = model;
        this.config = config;
    }

    @Override
    public double endOfTurnProbability(String transcript) {
        List<String> words = words(transcript);
        if (words.isEmpty()) {
            return 0.5;
        }
        double lnEnd = Math.max(-8.0, Math.min(0.0, model.lnEndProbability(words)));
        double logit = config.slope() * (lnEnd - config.center()) + LexicalCues.logOdds(words, transcript);
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    /** Lower-cased words; punctuation other than apostrophes is dropped (the LM has none). */
    static List<String> words(String transcript) {
        if (transcript == null) {
            return List.of();
        }
        String cleaned = transcript.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").strip();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }

    @Override
    public void close() {
        model.close();
    }
}
