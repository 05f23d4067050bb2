package dev.parley.runtime.webrtc;

/** What {@link AudioPlayout} reports from its clock thread: the WebRTC-only {@code output_audio_buffer.*} moments. */
public interface PlayoutListener {
    /** The first sample of {@code responseId}'s audio went onto the track. */
    void started(String responseId);

    /** {@code responseId}'s audio has all been played (the response is done and nothing is left). */
    void stopped(String responseId);
}
