package dev.parley.runtime.server;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.webrtc.AudioPlayout;
import dev.parley.runtime.webrtc.TrackAudio;
import java.util.function.Consumer;

/**
 * A call's view of the core's events: the agent's audio, converted from the session's output format to the 48 kHz
 * track ({@link TrackAudio}), goes to the track's {@link AudioPlayout}, and a speech onset during playback cuts it
 * (the barge-in a WebRTC client leaves to the server). The session's other taps (metrics, traces, recording) sit
 * beside it in one {@code SessionTap.both}. Runs on the session's actor.
 */
final class CallTap implements SessionTap {
    private final AudioPlayout playout;
    private final Consumer<AudioPlayout.Cut> cut;
    private TrackAudio track = TrackAudio.of(WireFormat.PCM16_24K);
    private String streaming; // the response whose audio the converter is in the middle of
    private String streamingItem;

    /** @param cut told (on the actor) of what a barge-in cut, to truncate the item and send {@code cleared} */
    CallTap(AudioPlayout playout, Consumer<AudioPlayout.Cut> cut) {
        this.playout = playout;
        this.cut = cut;
    }

    @Override
    public void on(ConversationEvent event) {
        switch (event) {
            case ConversationEvent.SettingsChanged c -> {
                WireFormat out = c.settings().outputFormat();
                if (out != null && !track.converts(out)) {
                    track = TrackAudio.of(out); // g711 over WebRTC (a sideband's session.update) plays too
                    streaming = null;
                }
            }
            case ConversationEvent.AudioChunk a -> {
                if (!a.responseId().equals(streaming)) {
                    track.reset();
                    streaming = a.responseId();
                }
                streamingItem = a.itemId();
                playout.enqueue(a.responseId(), a.itemId(), track.toTrack(a.audio()));
            }
            case ConversationEvent.ResponseDone d -> {
                if (d.response().id().equals(streaming)) {
                    playout.enqueue(streaming, streamingItem, track.flush()); // the resampler's ~1 ms tail
                    streaming = null;
                }
                playout.responseDone(d.response().id());
            }
            case ConversationEvent.SpeechStarted s -> {
                if (playout.playing()) {
                    streaming = null;
                    cut.accept(playout.clear());
                }
            }
            default -> {
            }
        }
    }
}
