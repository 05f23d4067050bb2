package dev.parley.runtime.realtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an assistant answer was saying when a barge-in cut it: enough to say the rest if the interruption turns
 * out to hold no words.
 *
 * @param utterance     the input path's number of the interrupting speech
 * @param atNanos       when its {@code speech_started} was handled ({@link System#nanoTime()})
 * @param responseId    the cancelled response
 * @param itemId        its assistant message item, or null when it had not started speaking
 * @param sentText      the transcript sent with its audio before the cut
 * @param generatedText all the text it had produced (at least {@code sentText})
 */
record InterruptedSpeech(long utterance, long atNanos, String responseId, String itemId, String sentText,
                         String generatedText) {
    private static final Pattern WORD = Pattern.compile("\\S+");

    /** The id clients see in {@code response.metadata.parley_resumed}: the item, else the response. */
    String resumedId() {
        return itemId == null ? responseId : itemId;
    }

    /**
     * The part not heard: the generated text after the words the user heard. Heard is the item's transcript as it
     * stands now — cut by the client's {@code conversation.item.truncate} if one came — else what was sent.
     */
    String unheard(Conversation conversation) {
        String heard = sentText;
        ConversationItem item = itemId == null ? null : conversation.get(itemId);
        if (item != null && !item.content.isEmpty() && item.content.get(0).transcript != null) {
            heard = item.content.get(0).transcript;
        }
        return afterWords(generatedText, countWords(heard)).strip();
    }

    private static int countWords(String text) {
        int n = 0;
        for (Matcher m = WORD.matcher(text); m.find(); ) {
            n++;
        }
        return n;
    }

    /** {@code text} after its first {@code words} words, spacing and punctuation as generated. */
    static String afterWords(String text, int words) {
        if (words == 0) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        for (int i = 0; i < words; i++) {
            if (!m.find()) {
                return "";
            }
        }
        return text.substring(m.end());
    }
}
