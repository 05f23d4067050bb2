package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.parley.runtime.webrtc.WebRtcOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real WebRTC peer (libwebrtc through webrtc-java, as a client) calls a real server on 127.0.0.1: the offer is
 * answered with 201 + Location, the {@code oai-events} channel opens and carries {@code session.created}, a message
 * that is not an event gets an {@code error} event and the session goes on, and a call whose answer is never
 * applied (ICE never connects) is closed within the connect timeout.
 */
class WebRtcCallTest {
    private static final WebRtcOptions LOOPBACK = WebRtcOptions.defaults().withIceAddresses(List.of("127.0.0.1"))
            .withConnectTimeout(Duration.ofSeconds(2));

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private HeadlessAudioDeviceModule adm;
    private PeerConnectionFactory factory;
    private RTCPeerConnection pc;

    @AfterEach
    void close() {
        if (pc != null) {
            pc.close();
        }
        if (factory != null) {
            factory.dispose();
            adm.dispose();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A client peer with a microphone track and the events channel; returns its offer with candidates. */
    private String offer(BlockingQueue<String> received, CompletableFuture<RTCDataChannel> open) throws Exception {
        adm = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(adm);
        CompletableFuture<Void> gathered = new CompletableFuture<>();
        pc = factory.createPeerConnection(new RTCConfiguration(), new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
            }

            @Override
            public void onIceGatheringChange(RTCIceGatheringState s) {
                if (s == RTCIceGatheringState.COMPLETE) {
                    gathered.complete(null);
                }
            }
        });
        AudioTrack mic = factory.createAudioTrack("mic", new CustomAudioSource());
        pc.addTrack(mic, List.of("client"));
        RTCDataChannel events = pc.createDataChannel("oai-events", new RTCDataChannelInit());
        events.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previous) {
            }

            @Override
            public void onStateChange() {
                if (events.getState() == RTCDataChannelState.OPEN) {
                    open.complete(events);
                }
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                byte[] b = new byte[buffer.data.remaining()];
                buffer.data.get(b);
                received.add(new String(b, StandardCharsets.UTF_8));
            }
        });
        CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                made.complete(d);
            }

            @Override
            public void onFailure(String error) {
                made.completeExceptionally(new IllegalStateException(error));
            }
        });
        RTCSessionDescription offer = made.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> set = new CompletableFuture<>();
        pc.setLocalDescription(offer, done(set));
        set.get(5, TimeUnit.SECONDS);
        gathered.get(10, TimeUnit.SECONDS);
        return pc.getLocalDescription().sdp;
    }

    private static SetSessionDescriptionObserver done(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private HttpResponse<String> call(String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port()
                        + "/v1/realtime/calls")).header("Authorization", "Bearer sk-good")
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(sdp)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode next(BlockingQueue<String> q, String type) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            String m = q.poll(200, TimeUnit.MILLISECONDS);
            if (m != null) {
                JsonNode n = RealtimeTestClient.JSON.readTree(m);
                if (type.equals(n.path("type").asText())) {
                    return n;
                }
            }
        }
        throw new AssertionError("no " + type + " on the data channel");
    }

    @Test
    void aPeerCallsAndTalksOverTheEventsChannel() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
        HttpResponse<String> res = call(offer(received, open));
        assertEquals(201, res.statusCode(), res.body());
        assertEquals("application/sdp", res.headers().firstValue("content-type").orElse(null));
        String location = res.headers().firstValue("location").orElse("");
        assertTrue(location.startsWith("/v1/realtime/calls/rtc_"), location);
        for (String line : res.body().split("\r\n")) {
            if (line.startsWith("a=candidate:")) {
                assertEquals("127.0.0.1", line.split(" ")[4], "only the allowed address is advertised: " + line);
            }
        }
        CompletableFuture<Void> applied = new CompletableFuture<>();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, res.body()), done(applied));
        applied.get(5, TimeUnit.SECONDS);
        RTCDataChannel events = open.get(15, TimeUnit.SECONDS);
        JsonNode created = next(received, "session.created");
        assertTrue(created.at("/session/id").asText().startsWith("sess_"), created.toString());

        events.send(new RTCDataChannelBuffer(ByteBuffer.wrap("{not json".getBytes(StandardCharsets.UTF_8)), false));
        JsonNode error = next(received, "error");
        assertEquals("invalid_request_error", error.at("/error/type").asText(), error.toString());

        events.send(new RTCDataChannelBuffer(ByteBuffer.wrap(("{\"type\":\"session.update\",\"session\":{"
                + "\"type\":\"realtime\",\"instructions\":\"Over WebRTC.\"}}").getBytes(StandardCharsets.UTF_8)), false));
        JsonNode updated = next(received, "session.updated");
        assertEquals("Over WebRTC.", updated.at("/session/instructions").asText(), updated.toString());

        HttpResponse<String> hangup = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.server.port() + location + "/hangup")).header("Authorization", "Bearer sk-good")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, hangup.statusCode(), hangup.body());
        assertEquals(0, server.server.liveCalls());
    }

    @Test
    void aCallThatNeverConnectsIsClosedWithinTheTimeout() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-good")), LOOPBACK);
        HttpResponse<String> res = call(offer(new LinkedBlockingQueue<>(), new CompletableFuture<>()));
        assertEquals(201, res.statusCode(), res.body());
        assertNotNull(res.headers().firstValue("location").orElse(null));
        assertEquals(1, server.server.liveCalls());
        // the answer is never applied: no ICE checks reach the server
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.server.liveCalls() > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(0, server.server.liveCalls(), "the unconnected call is closed after the 2 s connect timeout");
    }
}
