package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.llm.LlmEngine;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints the latency the plugin adds to the first token: the same local SSE server is read once raw (JDK HTTP
 * client, time until the first {@code data:} line) and once through the openai provider (time until the first
 * {@code onTextDelta}), alternating, over {@value #RUNS} runs after {@value #WARMUP} warm-up runs of each.
 * Asserts only that every run produced a token — timings on shared cores are reported, not judged.
 */
class FirstTokenLatencyBenchmark {
    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    @Test
    void printsAddedLatencyToFirstToken() throws Exception {
        try (LocalOpenAiServer server = new LocalOpenAiServer();
             LlmEngine engine = OpenAiTestSupport.engine(server.baseUrl())) {
            server.script((exchange, sse) -> {
                sse.open();
                sse.text("Hello");
                sse.text(" there");
                sse.finish("stop");
            });
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = "{\"model\":\"test-model\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"Hi\"}]}";
            long[] rawNs = new long[RUNS];
            long[] pluginNs = new long[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long r = rawFirstChunk(raw, server.baseUrl(), body);
                long p = pluginFirstDelta(engine);
                if (i >= WARMUP) {
                    rawNs[i - WARMUP] = r;
                    pluginNs[i - WARMUP] = p;
                }
            }
            long[] added = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                added[i] = pluginNs[i] - rawNs[i];
            }
            System.out.printf("%nFirst-token latency over a local SSE stream, %d runs (ms)%n", RUNS);
            System.out.printf("%-34s %8s %8s %8s%n", "path", "p50", "p90", "mean");
            row("raw JDK HttpClient, first data:", rawNs);
            row("openai provider, first onTextDelta", pluginNs);
            row("added by the plugin (per run)", added);
            assertEquals(RUNS, Arrays.stream(pluginNs).filter(n -> n > 0).count());
        }
    }

    private static long rawFirstChunk(HttpClient client, String baseUrl, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            long first = 0;
            while ((line = reader.readLine()) != null) {
                if (first == 0 && line.startsWith("data:")) {
                    first = System.nanoTime() - start;
                }
            }
            assertTrue(first > 0, "raw stream had a data line");
            return first;
        }
    }

    private static long pluginFirstDelta(LlmEngine engine) throws Exception {
        RecordingLlmListener l = new RecordingLlmListener();
        long start = System.nanoTime();
        engine.stream(OpenAiTestSupport.ask("Hi"), l);
        assertTrue(l.firstDelta.await(10, TimeUnit.SECONDS), "a token arrived");
        long first = l.firstDeltaNanos - start;
        l.await();
        return first;
    }

    private static void row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s %8.3f %8.3f %8.3f%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }
}
