package dev.parley.runtime.server;

import dev.parley.runtime.realtime.EventSink;
import dev.parley.runtime.webrtc.PeerCall;
import java.nio.charset.StandardCharsets;

/**
 * Server events onto a call's {@code oai-events} data channel, the same JSON the WebSocket carries, except the
 * audio deltas: over WebRTC the agent's audio goes on the audio track instead (as OpenAI's WebRTC transport does),
 * so {@code response.output_audio.delta} (beta {@code response.audio.delta}) is not sent.
 */
final class DataChannelEventSink implements EventSink {
    /** The emitter writes {@code "type"} first: the start of the text is enough to spot an audio delta. */
    private static final byte[] GA_DELTA = "{\"type\":\"response.output_audio.delta\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BETA_DELTA = "{\"type\":\"response.audio.delta\"".getBytes(StandardCharsets.UTF_8);

    private final PeerCall call;
    private final java.util.function.Consumer<byte[]> out;
    private volatile int responsesInFlight;

    /** @param out where the events go: the call's data channel and any sideband WebSockets attached to it */
    DataChannelEventSink(PeerCall call, java.util.function.Consumer<byte[]> out) {
        this.call = call;
        this.out = out;
    }

    @Override
    public void send(String json) {
        sendUtf8(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendUtf8(byte[] json) {
        if (startsWith(json, GA_DELTA) || startsWith(json, BETA_DELTA)) {
            return;
        }
        out.accept(json);
    }

    static boolean startsWith(byte[] json, byte[] prefix) {
        if (json.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (json[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void responsesInFlight(int count) {
        responsesInFlight = count;
    }

    /** Responses started and not yet done (the drain waits for zero). */
    int responsesInFlight() {
        return responsesInFlight;
    }

    @Override
    public void close(int code, String reason) {
        call.close("session closed (" + code + " " + reason + ")");
    }
}
