package dev.parley.runtime.server;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.webrtc.AudioPlayout;
import dev.parley.runtime.webrtc.TrackAudio;

/**
 * A call's view of the core's events: the agent's audio, converted from the session's output format to the 48 kHz
 * track ({@link TrackAudio}), goes to the track's {@link AudioPlayout}, and a speech onset during playback cuts it
 * (the barge-in a WebRTC client leaves to the server). The session's other taps (metrics, traces, recording) sit
 * beside it in one {@code SessionTap.both}. Runs on the session's actor.
 *
 * <p>A cut only becomes the core's server-made truncation ({@code Command.TruncateToPlayed}, through
 * {@link Cuts#truncate}): when the response is still generating, the core sends none of its later audio and
 * truncates the item once the response is done.
 */
final class CallTap implements SessionTap {
    /** What a cut tells the call: the client ({@code output_audio_buffer.cleared}) and the conversation. */
    interface Cuts {
        void cleared(String responseId);

        /** Synchronous: audio the core emits after this call must already be the cut response's no more. */
        void truncate(String itemId, long playedMs);
    }

    private final AudioPlayout playout;
    private final Cuts cuts;
    private TrackAudio track = TrackAudio.of(WireFormat.PCM16_24K);
    private String streaming; // the response whose audio the converter is in the middle of
    private String streamingItem;

    CallTap(AudioPlayout playout, Cuts cuts) {
        this.playout = playout;
        this.cuts = cuts;
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
            case ConversationEvent.AudioChunk a -> audio(a);
            case ConversationEvent.ResponseDone d -> done(d.response().id());
            case ConversationEvent.SpeechStarted s -> {
                if (playout.playing()) {
                    clear();
                }
            }
            default -> {
            }
        }
    }

    /** Drops what is queued (a barge-in, or the client's {@code output_audio_buffer.clear}); on the actor. */
    void clear() {
        AudioPlayout.Cut cut = playout.clear();
        if (cut == null) {
            return;
        }
        streaming = null;
        cuts.cleared(cut.responseId());
        if (cut.itemId() != null) {
            cuts.truncate(cut.itemId(), cut.playedMs());
        }
    }

    private void audio(ConversationEvent.AudioChunk a) {
        if (!a.responseId().equals(streaming)) {
            track.reset();
            streaming = a.responseId();
        }
        streamingItem = a.itemId();
        playout.enqueue(a.responseId(), a.itemId(), track.toTrack(a.audio()));
    }

    private void done(String responseId) {
        if (responseId.equals(streaming)) {
            playout.enqueue(streaming, streamingItem, track.flush()); // the resampler's ~1 ms tail
            streaming = null;
        }
        playout.responseDone(responseId);
    }
}
