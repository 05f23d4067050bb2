package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.testkit.WebRtcClientPeer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The bench's {@link RealtimeClient} over WebRTC, as a browser would call: the testkit's real libwebrtc peer
 * ({@link WebRtcClientPeer}, the same one the runtime's tests call with) whose offer is POSTed to
 * {@code /v1/realtime/calls}. The pacer's {@code input_audio_buffer.append} events become microphone audio (their
 * 24 kHz PCM16 pushed as 10 ms frames at the instant the pacer sends them); every other client event goes on the
 * data channel, and server events come back to the client's queue with their arrival instant. What the agent
 * says arrives on the received track, where {@link #heard()} marks the audible frames.
 */
final class WebRtcBenchTransport implements RealtimeClient.Transport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AudibleFrames heard = new AudibleFrames();
    private final WebRtcClientPeer peer;

    private WebRtcBenchTransport(RealtimeClient client) {
        peer = new WebRtcClientPeer(new WebRtcClientPeer.Listener() {
            @Override
            public void message(long nanos, String text) {
                String type = RealtimeClient.typeOf(text);
                client.received(nanos, type == null ? "" : type, () -> text);
            }

            @Override
            public void agentAudio(long nanos, byte[] pcm, int bits, int rate, int channels, int frames) {
                heard.frame(nanos, pcm, bits, channels, frames);
            }
        });
        // a call that ends under the bench fails its wait at once instead of at the turn's timeout
        peer.ended().thenAccept(state -> client.received(System.nanoTime(), "error",
                () -> "{\"transport\":\"call ended: " + state + "\"}"));
    }

    /** A call to the server on {@code port}: offer, POST, answer applied, events channel open. */
    static RealtimeClient call(HttpClient http, int port, Predicate<String> keep) throws Exception {
        WebRtcBenchTransport[] made = new WebRtcBenchTransport[1];
        RealtimeClient c = RealtimeClient.over(keep, client -> made[0] = new WebRtcBenchTransport(client));
        try {
            made[0].peer.connect(http, URI.create(WebRtcClientPeer.calls(port) + "?model=gpt-realtime"), "bench");
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The transport of a client made by {@link #call}. */
    static WebRtcBenchTransport of(RealtimeClient c) {
        return (WebRtcBenchTransport) c.transport();
    }

    AudibleFrames heard() {
        return heard;
    }

    @Override
    public synchronized void send(String text) {
        if (text.startsWith("{\"type\":\"input_audio_buffer.append\"")) {
            speak(text);
            return;
        }
        peer.send(text);
    }

    /** The append's audio into the microphone track, at the instant the pacer sends it. */
    private void speak(String append) {
        try {
            JsonNode n = JSON.readTree(append);
            peer.speak(Base64.getDecoder().decode(n.path("audio").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the bench sends JSON: " + append, e);
        }
    }

    @Override
    public synchronized void close() {
        peer.close();
    }
}
