package dev.parley.runtime.webrtc;

/** What a {@link PeerCall} reports, on libwebrtc's threads: keep each callback short. */
public interface CallListener {
    /** A data channel message on {@code oai-events} (UTF-8 JSON as the client sent it). */
    void onEvent(byte[] utf8);

    /** Microphone audio, decoded from Opus: 24 kHz mono PCM16 little-endian. */
    void onMicrophone(byte[] pcm16);

    /** The data channel is open; events sent before it were held and are now flushed. */
    default void onConnected() {
    }

    /** The call is over (closed by either side, ICE failure, or never connected); called once. */
    void onClosed(String why);
}
