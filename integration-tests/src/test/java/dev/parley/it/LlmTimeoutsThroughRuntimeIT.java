package dev.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.parley.api.ComponentKind;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.server.RealtimeServer;
import dev.parley.runtime.server.ServerOptions;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, voice-sized LLM waits end to end: the default pipeline with the {@code openai} provider from the plugin
 * zip, talking to a real local HTTP server that stalls, served over a WebSocket with the server's default waits.
 * A model that sends its headers and then nothing fails the response with {@code llm_timeout} after 5 s (before:
 * 30 s of dead air, the provider's {@code timeout_ms}); one that sends two words and stalls has them spoken by
 * MaryTTS and the response ends {@code incomplete} ({@code llm_stalled}) with them kept.
 */
class LlmTimeoutsThroughRuntimeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());
    private volatile boolean wordsFirst;

    @Test
    void aSilentModelFailsAtTheFirstTokenTimeoutAndAStalledOneEndsIncompleteWithItsWordsSpoken() throws Exception {
        HttpServer llm = stallingServer();
        String baseUrl = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
        PipelineDefinition definition = new PipelineParser(new EnvInterpolator(Map.of(
                "PARLEY_LLM_BASE_URL", baseUrl, "PARLEY_LLM_MODEL", "local-model")::get))
                .parse(RepoPaths.root().resolve("pipelines/default.yaml"));
        assertEquals("openai", definition.stage(ComponentKind.LLM).provider());
        try (Pipeline pipeline = new PipelineAssembler(loaded.registry()).assemble(definition)) {
            RealtimeServer server = RealtimeServer.start(new ServerOptions("127.0.0.1", 0, null, null, false,
                    List.of(), null, null, null, 8L << 20), r -> pipeline, new DefaultSessionEngineFactory());
            BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.url() + "?model=gpt-realtime"), listener(events)).join();
            try {
                expect(events, "session.created");
                ask(ws, events);
                long start = System.nanoTime();
                JsonNode failed = await(events, "response.done").path("response");
                long failedMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals("failed", failed.path("status").asText(), failed.toString());
                assertEquals("llm_timeout", failed.at("/status_details/error/code").asText(), failed.toString());
                assertTrue(failedMs >= 4900 && failedMs < 8000, "the 5 s first-token wait: " + failedMs + " ms");

                wordsFirst = true;
                ask(ws, events);
                start = System.nanoTime();
                int audioDeltas = 0;
                JsonNode e;
                do {
                    e = next(events);
                    if (e.path("type").asText().equals("response.output_audio.delta")) {
                        audioDeltas++;
                    }
                } while (!e.path("type").asText().equals("response.done"));
                long stalledMs = (System.nanoTime() - start) / 1_000_000;
                JsonNode incomplete = e.path("response");
                assertEquals("incomplete", incomplete.path("status").asText(), incomplete.toString());
                assertEquals("llm_stalled", incomplete.at("/status_details/reason").asText());
                assertEquals("Hello there", incomplete.at("/output/0/content/0/transcript").asText(),
                        incomplete.toString());
                assertTrue(audioDeltas > 0, "the words were spoken");
                System.out.printf("through the runtime (openai provider, local server, MaryTTS): silent model -> "
                        + "failed llm_timeout after %d ms; 'Hello there' then silence -> %d audio deltas, "
                        + "incomplete llm_stalled after %d ms%n", failedMs, audioDeltas, stalledMs);
            } finally {
                ws.abort();
                server.close();
            }
        } finally {
            llm.stop(0);
        }
    }

    private static void ask(WebSocket ws, BlockingQueue<JsonNode> events) throws Exception {
        ws.sendText("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}]}}", true).join();
        await(events, "conversation.item.added");
        ws.sendText("{\"type\":\"response.create\"}", true).join();
        await(events, "response.created");
    }

    /** Sends its SSE headers, then (when {@link #wordsFirst}) two deltas, then nothing for 40 s. */
    private HttpServer stallingServer() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                if (wordsFirst) {
                    for (String piece : List.of("Hello", " there")) {
                        out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                                + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                out.flush();
                Thread.sleep(40_000);
            } catch (InterruptedException | java.io.IOException ignored) {
                // the client closed the stream: what the runtime does on a timeout
            }
        });
        server.start();
        return server;
    }

    private static WebSocket.Listener listener(BlockingQueue<JsonNode> events) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        events.add(JSON.readTree(partial.toString()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
        JsonNode e = events.poll(20, TimeUnit.SECONDS);
        assertNotNull(e, "no event within 20 s");
        return e;
    }

    private static JsonNode expect(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        JsonNode e = next(events);
        assertEquals(type, e.path("type").asText(), e.toString());
        return e;
    }

    private static JsonNode await(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        while (true) {
            JsonNode e = next(events);
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
    }
}
