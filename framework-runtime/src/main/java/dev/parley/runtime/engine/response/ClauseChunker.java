package dev.parley.runtime.engine.response;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an LLM's token stream into clauses for TTS. The first clause is short — it ends at the first clause
 * break (even after one word: "Sure,"), or after a handful of words at a word boundary — because its synthesis
 * time is the user's wait for the first sound. Later clauses end at sentence ends, at clause breaks once they
 * are long enough to sound natural, or at a word boundary when they grow too long. A boundary is only taken
 * when the character after it is whitespace, so words, decimals ("3.14") and URLs are never split.
 * The clauses' raw texts concatenate exactly to the input. Not thread-safe.
 */
public final class ClauseChunker {
    /** Words the first clause needs before a comma-like break may end it (a sentence end needs only one). */
    private final int firstMinWords;
    /** Words after which the first clause ends at the next word boundary even without punctuation. */
    private final int firstMaxWords;
    /** Characters a later clause needs before a comma-like break may end it. */
    private final int laterMinChars;
    /** Characters after which a later clause ends at the next word boundary. */
    private final int maxChars;
    private final StringBuilder buf = new StringBuilder();
    private boolean firstDone;

    public ClauseChunker() {
        this(1, 6, 60, 240);
    }

    public ClauseChunker(int firstMinWords, int firstMaxWords, int laterMinChars, int maxChars) {
        this.firstMinWords = firstMinWords;
        this.firstMaxWords = firstMaxWords;
        this.laterMinChars = laterMinChars;
        this.maxChars = maxChars;
    }

    /** Adds the next piece of text; returns the clauses it completed (often none), in order. */
    public List<String> push(String delta) {
        buf.append(delta);
        List<String> out = null;
        int cut;
        while ((cut = nextCut()) > 0) {
            if (out == null) {
                out = new ArrayList<>(2);
            }
            out.add(buf.substring(0, cut));
            buf.delete(0, cut);
            firstDone = true;
        }
        return out == null ? List.of() : out;
    }

    /** The text still held (the last clause), or null when nothing is left. */
    public String flush() {
        if (buf.isEmpty()) {
            return null;
        }
        String rest = buf.toString();
        buf.setLength(0);
        firstDone = true;
        return rest;
    }

    /** Where the current buffer should be cut (exclusive end of the clause), or 0 to wait for more text. */
    private int nextCut() {
        int words = 0;
        boolean inWord = false;
        int lastWordEnd = 0;
        for (int i = 0; i < buf.length() - 1; i++) { // the char after a candidate must already be known
            char c = buf.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
            char next = buf.charAt(i + 1);
            boolean followedBySpace = Character.isWhitespace(next);
            if (!space && followedBySpace && (i < maxChars || lastWordEnd == 0)) {
                lastWordEnd = i + 1; // the last word end within maxChars (or the first, for one huge word)
            }
            if (c == '\n' && words > 0) {
                return i + 1;
            }
            if (!followedBySpace || space) {
                continue;
            }
            if (isSentenceEnd(c) && words >= 1) {
                return i + 1;
            }
            if (isClauseBreak(c)) {
                if (!firstDone ? words >= firstMinWords : i + 1 >= laterMinChars) {
                    return i + 1;
                }
            }
            if (!firstDone && words >= firstMaxWords) {
                return i + 1;
            }
        }
        if (firstDone && buf.length() >= maxChars && lastWordEnd > 0) {
            return lastWordEnd;
        }
        return 0;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isClauseBreak(char c) {
        return c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == ')';
    }
}
