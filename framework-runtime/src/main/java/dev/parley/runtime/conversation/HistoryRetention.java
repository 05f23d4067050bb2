package dev.parley.runtime.conversation;

/**
 * How much of the conversation the model is sent. When the history after the instructions would exceed
 * {@code tokenLimit} (estimated), the oldest items are left out until at most {@code ratio × tokenLimit} remain,
 * so the next few turns fit again without cutting every time; the newest item always stays.
 *
 * @param ratio      share of the limit kept after a cut, 0–1
 * @param tokenLimit estimated tokens allowed after the instructions; 0: no limit (everything is sent)
 */
public record HistoryRetention(double ratio, int tokenLimit) {
    public static final HistoryRetention KEEP_ALL = new HistoryRetention(1.0, 0);

    /** A rough token estimate for history budgeting (about four characters a token for English). */
    static int estimateTokens(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }
}
