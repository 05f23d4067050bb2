package dev.parley.runtime.input;

/**
 * Turns a recogniser's partial hypotheses (each the whole text so far) into append-only transcript deltas.
 * Only the stable part of a partial is sent — every word but the last, which recognisers revise most — and only
 * once the utterance is committed (the protocol sends transcription deltas after {@code committed}). If a
 * partial rewrites words already sent, nothing more is sent until the final, which then supplies the remainder
 * when it still extends what was sent (the {@code completed} event carries the full final text either way).
 */
final class TranscriptDeltaTracker {
    /** Whether deltas flow. */
    private enum Sending {
        /** Not committed yet: nothing is sent. */
        HELD,
        /** Committed: what extends the text sent so far is sent. */
        FLOWING,
        /** A newer text rewrote words already sent: nothing more is sent (completed carries the text). */
        DIVERGED
    }

    private final StringBuilder sent = new StringBuilder();
    private Sending sending = Sending.HELD;
    private String latest = "";
    /** {@link #latest} is a segment's final: no word of it will be revised. */
    private boolean settled;

    /** The latest partial; returns the delta to send now, or null. */
    String partial(String text) {
        latest = normalise(text);
        settled = false;
        return sending != Sending.HELD ? next(stablePart(latest)) : null;
    }

    /** The utterance was committed: deltas may flow from now on. Returns the delta to send now, or null. */
    String release() {
        startFlowing();
        return next(settled ? latest : stablePart(latest));
    }

    /**
     * The final of one segment, the utterance's text so far: every word is settled (only a later segment adds
     * words), so after the commit all of it may be sent. Returns the delta to send now, or null.
     */
    String segmentFinal(String textSoFar) {
        latest = normalise(textSoFar);
        settled = true;
        return sending != Sending.HELD ? next(latest) : null;
    }

    /** The final text; returns the last delta to send, or null. */
    String complete(String finalText) {
        latest = normalise(finalText);
        startFlowing();
        return next(latest);
    }

    /** The words recognised so far (for the end-of-turn policy). */
    String latest() {
        return latest;
    }

    private void startFlowing() {
        if (sending == Sending.HELD) {
            sending = Sending.FLOWING;
        }
    }

    private String next(String target) {
        if (sending != Sending.FLOWING || target.isEmpty()) {
            return null;
        }
        if (!target.startsWith(sent.toString())) {
            sending = Sending.DIVERGED;
            return null;
        }
        String delta = target.substring(sent.length());
        if (delta.isEmpty()) {
            return null;
        }
        sent.append(delta);
        return delta;
    }

    private static String stablePart(String text) {
        int cut = text.lastIndexOf(' ');
        return cut < 0 ? "" : text.substring(0, cut);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
