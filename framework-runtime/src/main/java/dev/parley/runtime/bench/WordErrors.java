package dev.parley.runtime.bench;

import java.util.Arrays;

/** Word error rate of recognised transcripts against what was said: edit distance over words, summed. */
final class WordErrors {
    private long errors;
    private long words;
    private int utterances;

    /** Adds one utterance: {@code heard} as recognised against {@code said}. */
    void add(String said, String heard) {
        String[] ref = words(said);
        String[] hyp = words(heard);
        errors += distance(ref, hyp);
        words += ref.length;
        utterances++;
    }

    int utterances() {
        return utterances;
    }

    /** Errors per reference word, in percent; NaN with no words. */
    double percent() {
        return words == 0 ? Double.NaN : 100.0 * errors / words;
    }

    private static String[] words(String s) {
        String t = s == null ? "" : s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z' ]", " ").strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    static int distance(String[] ref, String[] hyp) {
        int[] prev = new int[hyp.length + 1];
        int[] cur = new int[hyp.length + 1];
        Arrays.setAll(prev, j -> j);
        for (int i = 1; i <= ref.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.length; j++) {
                int sub = prev[j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[hyp.length];
    }
}
