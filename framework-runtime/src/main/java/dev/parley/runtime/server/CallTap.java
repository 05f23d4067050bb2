package dev.parley.runtime.server;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.webrtc.AudioPlayout;
import java.util.function.Consumer;

/**
 * A call's view of the core's events: the agent's audio goes to the track's {@link AudioPlayout} and a speech
 * onset during playback cuts it (the barge-in a WebRTC client leaves to the server). The session's other taps
 * (metrics, traces, recording) sit beside it in one {@code SessionTap.both}.
 */
final class CallTap implements SessionTap {
    private final AudioPlayout playout;
    private final Consumer<AudioPlayout.Cut> cleared;
    private final Consumer<AudioPlayout.Cut> truncate;
    /** Responses whose audio is still being generated: their item can be truncated only once they are done. */
    private final java.util.Set<String> generating = new java.util.HashSet<>();
    /** A barge-in's cut of a response still being generated, truncated at its {@code ResponseDone}. */
    private AudioPlayout.Cut pendingTruncate;

    /**
     * @param cleared  told (on the actor) of what a barge-in cut, to send {@code output_audio_buffer.cleared} at once
     * @param truncate told when the cut item may be truncated: at once, or when its response is done — the core
     *                 refuses to truncate an item still being generated (seen in PlaygroundE2EIT: an error event
     *                 after every voice barge-in during a long answer)
     */
    CallTap(AudioPlayout playout, Consumer<AudioPlayout.Cut> cleared, Consumer<AudioPlayout.Cut> truncate) {
        this.playout = playout;
        this.cleared = cleared;
        this.truncate = truncate;
    }

    @Override
    public void on(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.AudioChunk a -> {
                generating.add(a.responseId());
                playout.enqueue(a.responseId(), a.itemId(), a.audio());
            }
            case ConversationEvent.ResponseDone d -> {
                String id = d.response().id();
                generating.remove(id);
                playout.responseDone(id);
                if (pendingTruncate != null && id.equals(pendingTruncate.responseId())) {
                    AudioPlayout.Cut c = pendingTruncate;
                    pendingTruncate = null;
                    truncate.accept(c);
                }
            }
            case ConversationEvent.SpeechStarted s -> {
                if (playout.playing()) {
                    AudioPlayout.Cut c = playout.clear();
                    cleared.accept(c);
                    if (c != null && generating.contains(c.responseId())) {
                        pendingTruncate = c;
                    } else {
                        truncate.accept(c);
                    }
                }
            }
            default -> {
            }
        }
    }
}
