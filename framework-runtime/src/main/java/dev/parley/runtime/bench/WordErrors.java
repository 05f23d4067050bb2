package dev.parley.runtime.bench;

/** Word error rate of recognised transcripts against what was said: edit distance over words, summed. */
final class WordErrors {
    private long errors;
    private long words;
    private int utterances;

    /** Adds one utterance: {@code heard} as recognised against {@code said}. */
    void add(String said, String heard) {
        java.util.List<String> ref = WordErrorRate.words(said);
        errors += WordErrorRate.errors(ref, WordErrorRate.words(heard == null ? "" : heard));
        words += ref.size();
        utterances++;
    }

    int utterances() {
        return utterances;
    }

    /** Errors per reference word, in percent; NaN with no words. */
    double percent() {
        return words == 0 ? Double.NaN : 100.0 * errors / words;
    }
}
