package dev.parley.runtime.input;

/**
 * Turns a recogniser's hypotheses (each the whole text so far) into live transcript updates while the user
 * speaks. The rule a client can rely on: the text of the last {@link Update.Revision} (empty before any) followed
 * by every {@link Update.Delta} since is the transcript as the server knows it, and at the final it equals the
 * final transcript exactly.
 * <ul>
 * <li>A partial sends only its stable part — every word but the last, which pocketsphinx revises most — as the
 *     delta that extends what was sent.</li>
 * <li>A hypothesis that is a prefix of what was sent (a re-decode after a speculative final catching up) sends
 *     nothing.</li>
 * <li>A hypothesis that contradicts words already sent sends a revision: the whole text now. The final does the
 *     same when it does not extend what was sent (the μ-law run of issue 19: deltas "why did it happen", final
 *     "when it happened on").</li>
 * </ul>
 */
final class TranscriptDeltaTracker {
    /** What to send for a hypothesis. */
    sealed interface Update {
    }

    /** Text to append to what was sent. */
    record Delta(String text) implements Update {
    }

    /** What was sent is wrong: {@code transcript} replaces all of it. */
    record Revision(String transcript) implements Update {
    }

    private final StringBuilder sent = new StringBuilder();
    private String latest = "";

    /** The latest partial; returns the update to send now, or null. */
    Update partial(String text) {
        latest = normalise(text);
        return next(stablePart(latest));
    }

    /**
     * The final of one segment, the utterance's text so far: every word is settled (only a later segment adds
     * words), so all of it is sent. Returns the update to send now, or null.
     */
    Update segmentFinal(String textSoFar) {
        latest = normalise(textSoFar);
        return next(latest);
    }

    /** The final text; returns the last update to send, or null when what was sent already is the final. */
    Update complete(String finalText) {
        latest = normalise(finalText);
        String had = sent.toString();
        if (latest.startsWith(had)) {
            return append(latest.substring(had.length()));
        }
        return revise(latest);
    }

    /** The words recognised so far (for the end-of-turn policy). */
    String latest() {
        return latest;
    }

    private Update next(String target) {
        String had = sent.toString();
        if (target.startsWith(had)) {
            return append(target.substring(had.length()));
        }
        if (had.startsWith(target)) {
            return null; // behind what was sent (a re-decode catching up): wait
        }
        return revise(target);
    }

    private Update append(String delta) {
        if (delta.isEmpty()) {
            return null;
        }
        sent.append(delta);
        return new Delta(delta);
    }

    private Update revise(String transcript) {
        sent.setLength(0);
        sent.append(transcript);
        return new Revision(transcript);
    }

    private static String stablePart(String text) {
        int cut = text.lastIndexOf(' ');
        return cut < 0 ? "" : text.substring(0, cut);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
