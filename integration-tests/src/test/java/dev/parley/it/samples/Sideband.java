package dev.parley.it.samples;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A backend's sideband WebSocket ({@code /v1/realtime?call_id=}) on a WebRTC call's session, over Java's own
 * WebSocket client: records every event it is sent.
 */
final class Sideband implements AutoCloseable {
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    static Sideband attach(String realtimeUrl, String key, String callId) throws Exception {
        Sideband s = new Sideband();
        s.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create(realtimeUrl + "?call_id=" + callId), s.listener()).get(10, TimeUnit.SECONDS);
        return s;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        events.add(SpokenAnswer.JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    JsonNode await(String type, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (JsonNode e : events) {
                if (type.equals(e.path("type").asText())) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sideband saw no " + type + ": " + types());
    }

    List<String> types() {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
