package dev.parley.runtime.conversation;

import dev.parley.runtime.engine.HeldGeneration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an assistant answer was saying when a barge-in cut it: enough to say the rest if the interruption turns
 * out to hold no words.
 *
 * @param utterance     the input path's number of the interrupting speech
 * @param atNanos       when its speech onset was handled ({@link System#nanoTime()})
 * @param responseId    the cancelled response
 * @param itemId        its assistant message item, or null when it had not started speaking
 * @param sentText      the transcript sent with its audio before the cut
 * @param generatedText all the text it had produced by the cut (at least {@code sentText})
 * @param held          its generation, still running, or null when the generator could not hold it
 */
record InterruptedSpeech(long utterance, long atNanos, String responseId, String itemId, String sentText,
                         String generatedText, HeldGeneration held) {
    private static final Pattern WORD = Pattern.compile("\\S+");

    /** The id clients see the resume continue: the item, else the response. */
    String resumedId() {
        return itemId == null ? responseId : itemId;
    }

    /** All the text generated so far: with a held generation, also what came after the cut. */
    String generated() {
        return held == null ? generatedText : held.generatedText();
    }

    /** True while a held generation is still writing: more unheard text will come. */
    boolean stillGenerating() {
        return held != null && held.generating();
    }

    /** Drops the held generation (the interruption was real). */
    void drop() {
        if (held != null) {
            held.cancel();
        }
    }

    /**
     * Where the unheard part of {@link #generated()} starts: after the words the user heard, and the spacing
     * after them. Heard is the item's transcript as it stands now — cut by a truncation if one came — else what
     * was sent.
     */
    int unheardFrom(Conversation conversation) {
        String heard = sentText;
        ConversationItem item = itemId == null ? null : conversation.get(itemId);
        if (item != null && !item.content.isEmpty() && item.content.get(0).transcript != null) {
            heard = item.content.get(0).transcript;
        }
        String text = generated();
        int from = afterWords(text, countWords(heard));
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The unheard part as it stands now, without surrounding spaces. */
    String unheard(Conversation conversation) {
        return generated().substring(unheardFrom(conversation)).strip();
    }

    private static int countWords(String text) {
        int n = 0;
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    /** The offset in {@code text} after its first {@code words} words (its length when it has fewer). */
    static int afterWords(String text, int words) {
        if (words == 0) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        for (int i = 0; i < words; i++) {
            if (!m.find()) {
                return text.length();
            }
        }
        return m.end();
    }
}
