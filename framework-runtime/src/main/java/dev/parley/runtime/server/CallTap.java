package dev.parley.runtime.server;

import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.realtime.SessionTap;
import dev.parley.runtime.webrtc.AudioPlayout;
import dev.parley.runtime.webrtc.TrackAudio;
import java.util.HashSet;
import java.util.Set;

/**
 * A call's view of the core's events: the agent's audio, converted from the session's output format to the 48 kHz
 * track ({@link TrackAudio}), goes to the track's {@link AudioPlayout}, and a speech onset during playback cuts it
 * (the barge-in a WebRTC client leaves to the server). The session's other taps (metrics, traces, recording) sit
 * beside it in one {@code SessionTap.both}. Runs on the session's actor.
 *
 * <p>A cut while the response is still generating: the rest of that response's audio is not played, and the item
 * is truncated to what was heard once the response is done (the core refuses to truncate an item in progress).
 */
final class CallTap implements SessionTap {
    /** What a cut tells the call: the client ({@code output_audio_buffer.cleared}) and the conversation. */
    interface Cuts {
        void cleared(String responseId);

        void truncate(String itemId, long playedMs);
    }

    private final AudioPlayout playout;
    private final Cuts cuts;
    private final Set<String> generating = new HashSet<>();
    private TrackAudio track = TrackAudio.of(WireFormat.PCM16_24K);
    private String streaming; // the response whose audio the converter is in the middle of
    private String streamingItem;
    private String dropped; // a cut response still generating: its later audio is not played
    private AudioPlayout.Cut pending; // its truncation, made at its response.done

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
            case ConversationEvent.ResponseStarted s -> generating.add(s.response().id());
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
        if (cut.itemId() == null) {
            return;
        }
        if (generating.contains(cut.responseId())) {
            dropped = cut.responseId();
            pending = cut;
        } else {
            cuts.truncate(cut.itemId(), cut.playedMs());
        }
    }

    private void audio(ConversationEvent.AudioChunk a) {
        if (a.responseId().equals(dropped)) {
            return;
        }
        if (!a.responseId().equals(streaming)) {
            track.reset();
            streaming = a.responseId();
        }
        streamingItem = a.itemId();
        playout.enqueue(a.responseId(), a.itemId(), track.toTrack(a.audio()));
    }

    private void done(String responseId) {
        generating.remove(responseId);
        if (responseId.equals(streaming)) {
            playout.enqueue(streaming, streamingItem, track.flush()); // the resampler's ~1 ms tail
            streaming = null;
        }
        playout.responseDone(responseId);
        if (pending != null && pending.responseId().equals(responseId)) {
            cuts.truncate(pending.itemId(), pending.playedMs());
            pending = null;
            dropped = null;
        }
    }
}
