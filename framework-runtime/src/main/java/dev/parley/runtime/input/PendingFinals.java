package dev.parley.runtime.input;

import dev.parley.runtime.engine.InputListener;
import java.util.ArrayDeque;

/**
 * The recogniser utterances ({@link Utterance.Attempt}s) whose finals have not come yet, oldest first, and the
 * transcript events their results become. Recognisers answer in the order they were fed, so a callback belongs
 * to the oldest attempt still waiting; it counts only if that attempt is still its utterance's latest (a
 * speculative final the user's further speech made void, or a dropped utterance's, is skipped).
 */
final class PendingFinals implements RecogniserStream.Results {
    private final InputListener listener;
    private final ArrayDeque<Utterance.Attempt> waiting = new ArrayDeque<>();
    /** What else happens when the stream fails (the link forgets its held audio). */
    private final Runnable onFailure;

    PendingFinals(InputListener listener, Runnable onFailure) {
        this.listener = listener;
        this.onFailure = onFailure;
    }

    /** {@code a} is fed from now on: it waits for its final. */
    void add(Utterance.Attempt a) {
        waiting.add(a);
    }

    boolean isWaiting(Utterance.Attempt a) {
        return waiting.contains(a);
    }

    /** No final will come for {@code a} (its recogniser utterance was reset). */
    void forget(Utterance.Attempt a) {
        waiting.remove(a);
    }

    /** No final will be asked for {@code u}'s attempts (there is no recogniser). */
    void forget(Utterance u) {
        waiting.removeIf(a -> a.utterance() == u);
    }

    @Override
    public void partial(String text) {
        Utterance.Attempt a = waiting.peek();
        if (a == null || !a.utterance().counts(a)) {
            return;
        }
        Utterance u = a.utterance();
        send(u, u.transcript.partial(text));
    }

    @Override
    public void finalText(String text) {
        Utterance.Attempt head = waiting.peek();
        if (head == null || head.utterance().attempt() == head) {
            return; // a final for an attempt still being fed would be a recogniser bug: ignore it
        }
        Utterance.Attempt a = waiting.poll();
        Utterance u = a.utterance();
        if (!u.counts(a)) {
            return;
        }
        String heard = text == null ? "" : text;
        if (u.finalHeard(heard)) {
            complete(u);
        } else {
            send(u, u.transcript.segmentFinal(heard));
        }
    }

    /** Every waiting utterance has failed (reported once each; the one being fed is among them). */
    @Override
    public void failed(String message) {
        for (Utterance.Attempt a : waiting) {
            Utterance u = a.utterance();
            if (u.fail()) {
                listener.transcriptFailed(u.id, message);
            }
        }
        waiting.clear();
        onFailure.run();
    }

    /** Reports a FINAL utterance's last update and its transcript. */
    void complete(Utterance u) {
        String heard = u.heard();
        if (heard == null) {
            return; // dropped or failed meanwhile
        }
        send(u, u.transcript.complete(heard));
        listener.transcriptCompleted(u.id, u.transcript.latest());
    }

    private void send(Utterance u, TranscriptDeltaTracker.Update update) {
        switch (update) {
            case null -> {
            }
            case TranscriptDeltaTracker.Delta d -> listener.transcriptDelta(u.id, d.text());
            case TranscriptDeltaTracker.Revision r -> listener.transcriptRevised(u.id, r.transcript());
        }
    }
}
