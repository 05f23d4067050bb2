package dev.parley.plugins.pocketsphinx.turn;

import com.sun.jna.Pointer;
import dev.parley.plugins.pocketsphinx.SphinxNatives;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The pocketsphinx trigram language model asked one question: how likely does the sentence end here? Scores
 * {@code ln P(</s> | w[-2] w[-1])} for the last two words (lower-cased, padded with {@code <s>}). Thread-safe:
 * the library's trie scorer caches its last history, so calls are serialised (about 2 µs each).
 */
final class SentenceEndModel implements AutoCloseable {
    private static final int NGRAM_AUTO = 0;

    private final SphinxNatives.SphinxBase base;
    private final Pointer logmath;
    private Pointer model;
    private final int endWid;
    private final int startWid;
    private final int unknownWid;
    private final int[] history = new int[2];
    private final int[] used = new int[1];

    private SentenceEndModel(SphinxNatives.SphinxBase base, Pointer logmath, Pointer model) {
        this.base = base;
        this.logmath = logmath;
        this.model = model;
        this.endWid = base.ngram_wid(model, "</s>");
        this.startWid = base.ngram_wid(model, "<s>");
        this.unknownWid = base.ngram_unknown_wid(model);
    }

    /** Reads an ARPA or sphinx binary LM ({@code en-us.lm.bin} loads in under 100 ms). */
    static SentenceEndModel load(Path lm) {
        SphinxNatives.SphinxBase base = SphinxNatives.get().sphinxBase();
        Pointer logmath = base.logmath_init(1.0001, 0, 0);
        Pointer model = base.ngram_model_read(null, lm.toString(), NGRAM_AUTO, logmath);
        if (model == null) {
            base.logmath_free(logmath);
            throw new IllegalStateException("cannot read n-gram language model " + lm);
        }
        return new SentenceEndModel(base, logmath, model);
    }

    /**
     * @param words the utterance's words, in order (only the last two matter)
     * @return natural log of the probability that the sentence ends after them
     */
    synchronized double lnEndProbability(List<String> words) {
        int n = words.size();
        history[0] = n >= 1 ? wid(words.get(n - 1)) : startWid;
        history[1] = n >= 2 ? wid(words.get(n - 2)) : startWid;
        int score = base.ngram_ng_score(model, endWid, history, 2, used);
        return base.logmath_log_to_ln(logmath, score);
    }

    /** Whether the LM knows the word (unknown words carry little evidence). */
    synchronized boolean knows(String word) {
        return wid(word) != unknownWid;
    }

    private int wid(String word) {
        return base.ngram_wid(model, word.toLowerCase(Locale.ROOT));
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            base.ngram_model_free(model);
            base.logmath_free(logmath);
            model = null;
        }
    }
}
