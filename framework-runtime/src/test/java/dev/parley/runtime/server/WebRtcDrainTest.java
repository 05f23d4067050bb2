package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.FinishReason;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful drain and server stop end a WebRTC call as cleanly as a WebSocket session, seen by a real libwebrtc
 * peer: a drain lets the answer finish (its {@code response.done} and the end of its playback), then the peer
 * gets the going-away {@code error} over {@code oai-events} and the call hangs up; {@code RealtimeServer.close}
 * cancels an answer still generating, so the peer gets {@code response.done} (cancelled) and the error before
 * the peer connection closes.
 */
class WebRtcDrainTest {
    private static final WebRtcOptions LOOPBACK = WebRtcOptions.defaults().withIceAddresses(List.of("127.0.0.1"));
    private static final String ASK = "{\"type\":\"response.create\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDrainLetsTheAnswerFinishThenSaysGoodbyeAndHangsUp() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
             WebRtcTestPeer peer = new WebRtcTestPeer()) {
            server.engines.script = spec -> DrainTest.longAnswer(6, 100);
            peer.connect(http, server.server.port(), "sk-good");
            peer.next("session.created");
            peer.send(ASK);
            peer.next("response.created");
            long start = System.nanoTime();
            var drained = server.server.drain("test");

            List<String> order = new ArrayList<>();
            JsonNode done = peer.next("response.done");
            order.add("response.done");
            assertEquals("completed", done.at("/response/status").asText(), done.toString());
            peer.next("output_audio_buffer.stopped"); // the answer was heard to its end
            order.add("output_audio_buffer.stopped");
            JsonNode bye = peer.next("error");
            order.add("error");
            assertEquals("server_shutting_down", bye.at("/error/code").asText(), bye.toString());
            peer.ended.get(10, TimeUnit.SECONDS);
            drained.get(10, TimeUnit.SECONDS);
            System.out.printf("webrtc drain: %s, call closed, drain finished %d ms after it began%n", order,
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(0, server.server.liveCalls());
            assertEquals(ServerState.DRAINED, server.server.state());
        }
    }

    @Test
    void serverCloseCancelsTheAnswerInFlightAndTellsThePeerFirst() throws Exception {
        try (WebRtcTestPeer peer = new WebRtcTestPeer()) {
            TestServer server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
            try {
                server.engines.script = spec -> List.of(new Step.Text("Well"), new Step.Audio(100), new Step.Hang());
                peer.connect(http, server.server.port(), "sk-good");
                peer.next("session.created");
                peer.send(ASK);
                peer.next("response.created");
            } finally {
                server.close();
            }
            JsonNode done = peer.next("response.done");
            assertEquals("cancelled", done.at("/response/status").asText(), done.toString());
            JsonNode bye = peer.next("error");
            assertEquals("server_shutting_down", bye.at("/error/code").asText(), bye.toString());
            peer.ended.get(10, TimeUnit.SECONDS);
            assertEquals(0, server.server.liveCalls());
            assertTrue(server.engines.cancellations.get() >= 1, "the engine's response was cancelled");
        }
    }
}
