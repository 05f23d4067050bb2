package org.example.parley.flite;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a clause where a speaker may pause (after , ; : . ! ?) into phrases of at most {@value #MAX_WORDS} words,
 * gluing a fragment of fewer than {@value #MIN_WORDS} words to its neighbour so that flite keeps natural prosody.
 */
final class Phrases {
    static final int MAX_WORDS = 12;
    static final int MIN_WORDS = 3;

    private Phrases() {
    }

    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int words = 0;
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            cur.append(cur.isEmpty() ? "" : " ").append(word);
            words++;
            boolean pause = word.matches(".*[,;:.!?]$");
            if ((pause && words >= MIN_WORDS) || words >= MAX_WORDS) {
                pieces.add(cur.toString());
                cur.setLength(0);
                words = 0;
            }
        }
        if (!cur.isEmpty()) {
            if (words < MIN_WORDS && !pieces.isEmpty()) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + " " + cur);
            } else {
                pieces.add(cur.toString());
            }
        }
        return pieces;
    }
}
