package dev.parley.plugins.marytts;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into pieces of at most {@code maxChars} characters, at sentence ends first, then at clause
 * punctuation, then at spaces. MaryTTS analyses a whole input before its first sample, so a long input delays
 * the first audio; short pieces keep that delay small. Pure and thread-safe.
 */
final class ClauseSplitter {
    private static final String CLAUSE_MARKS = ",;:)";

    private final int maxChars;

    ClauseSplitter(int maxChars) {
        if (maxChars < 20) {
            throw new IllegalArgumentException("maxChars must be at least 20: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    List<String> split(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            splitLong(text.substring(start, end).strip(), out);
        }
        return out;
    }

    private void splitLong(String sentence, List<String> out) {
        String rest = sentence;
        while (rest.length() > maxChars) {
            int cut = lastBreak(rest);
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
    }

    /** Index just after the best break point within the first {@code maxChars} characters. */
    private int lastBreak(String s) {
        int minCut = maxChars / 3; // a tiny first piece would sound clipped
        for (int i = maxChars - 1; i >= minCut; i--) {
            if (CLAUSE_MARKS.indexOf(s.charAt(i)) >= 0 && Character.isWhitespace(charAt(s, i + 1))) {
                return i + 1;
            }
        }
        for (int i = maxChars; i >= minCut; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return maxChars; // one unbroken word longer than a piece
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : ' ';
    }
}
