package dev.parley.bench;

import dev.parley.testkit.WordErrorRate;

/**
 * Word error rate of recognised transcripts against what was said: edit distance over words, summed. Keeps the
 * misrecognitions (what was said → what was heard, how often) so a report can show where the errors are.
 */
final class WordErrors {
    private final java.util.Map<String, Integer> misheard = new java.util.TreeMap<>();
    private long errors;
    private long words;
    private int utterances;

    /** Adds one utterance: {@code heard} as recognised against {@code said}. */
    void add(String said, String heard) {
        java.util.List<String> ref = WordErrorRate.words(said);
        int e = WordErrorRate.errors(ref, WordErrorRate.words(heard == null ? "" : heard));
        errors += e;
        words += ref.size();
        if (e > 0) {
            misheard.merge("\"" + said + "\" heard as \"" + heard + "\"", 1, Integer::sum);
        }
        utterances++;
    }

    /** Each distinct misrecognition with its count, e.g. {@code "tell me a joke" heard as "tell me a job" (3x)}. */
    java.util.List<String> misheard() {
        return misheard.entrySet().stream().map(m -> m.getKey() + " (" + m.getValue() + "x)").toList();
    }

    int utterances() {
        return utterances;
    }

    /** Errors per reference word, in percent; NaN with no words. */
    double percent() {
        return words == 0 ? Double.NaN : 100.0 * errors / words;
    }
}
