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
    private final Consumer<AudioPlayout.Cut> cut;

    /** @param cut told (on the actor) of what a barge-in cut, to truncate the item and send {@code cleared} */
    CallTap(AudioPlayout playout, Consumer<AudioPlayout.Cut> cut) {
        this.playout = playout;
        this.cut = cut;
    }

    @Override
    public void on(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.AudioChunk a -> playout.enqueue(a.responseId(), a.itemId(), a.audio());
            case ConversationEvent.ResponseDone d -> playout.responseDone(d.response().id());
            case ConversationEvent.SpeechStarted s -> {
                if (playout.playing()) {
                    cut.accept(playout.clear());
                }
            }
            default -> {
            }
        }
    }
}
