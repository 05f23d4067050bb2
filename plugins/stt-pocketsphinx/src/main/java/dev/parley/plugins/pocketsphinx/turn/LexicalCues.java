package dev.parley.plugins.pocketsphinx.turn;

import java.util.List;
import java.util.Set;

/**
 * Surface cues of an unfinished or finished utterance, as a log-odds adjustment. A sentence rarely ends on a
 * conjunction, preposition, article, filler or auxiliary; it usually has ended after terminal punctuation (typed
 * text) or a one-word reply. Input: the lower-cased words and the raw text; output: log-odds to add.
 */
final class LexicalCues {
    /**
     * Words after which English speakers are almost always mid-sentence. Words that also end many complete
     * sentences ("do", "can", "that", "like", "you", "then") are left to the language model.
     */
    static final Set<String> UNFINISHED = Set.of(
            "and", "or", "but", "so", "because", "cause", "if", "than", "although", "though", "while", "unless",
            "until", "whether", "which",
            "the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "every", "each", "another",
            "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "onto", "over", "under",
            "between", "after", "before", "through", "during", "without", "near",
            "is", "are", "was", "were", "am",
            "i", "we", "he", "she", "they", "i'm", "i'd", "i'll", "it's", "there's", "let's", "what's",
            "very", "really", "quite", "just", "maybe");

    /** Hesitations: the speaker is holding the floor. */
    static final Set<String> FILLERS = Set.of("um", "uh", "er", "erm", "hmm", "mm", "ah", "eh", "uhm", "umm", "uhh");

    /** Complete on their own even though the LM may not think so. */
    static final Set<String> SHORT_REPLIES = Set.of("yes", "yeah", "yep", "no", "nope", "okay", "ok", "sure",
            "thanks", "right", "hello", "hi", "hey", "bye", "goodbye", "please", "stop", "exactly", "correct",
            "fine", "great", "perfect", "absolutely", "definitely", "done");

    private static final Set<String> QUESTION_STARTS = Set.of("what", "who", "where", "when", "why", "how", "which",
            "is", "are", "do", "does", "did", "can", "could", "will", "would", "should", "have", "has");

    private static final double UNFINISHED_WORD = -3.0;
    private static final double FILLER = -3.5;
    private static final double TRAILING_COMMA = -2.5;
    private static final double TERMINAL_PUNCTUATION = 2.5;
    private static final double SHORT_REPLY = 2.0;
    private static final double QUESTION_FORM = 0.5;

    private LexicalCues() {
    }

    /** @param words the lower-cased words, at least one; @param rawText the transcript as received */
    static double logOdds(List<String> words, String rawText) {
        String trimmed = rawText.strip();
        char lastChar = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        if (lastChar == '?' || lastChar == '.' || lastChar == '!') {
            return TERMINAL_PUNCTUATION;
        }
        if (lastChar == ',' || lastChar == '-' || lastChar == ';' || lastChar == ':' || trimmed.endsWith("...")) {
            return TRAILING_COMMA;
        }
        String last = words.get(words.size() - 1);
        if (FILLERS.contains(last)) {
            return FILLER;
        }
        if (words.size() == 1 && SHORT_REPLIES.contains(last)) {
            return SHORT_REPLY;
        }
        if (UNFINISHED.contains(last)) {
            return UNFINISHED_WORD;
        }
        if (words.size() >= 3 && QUESTION_STARTS.contains(words.get(0))) {
            return QUESTION_FORM;
        }
        return 0;
    }
}
