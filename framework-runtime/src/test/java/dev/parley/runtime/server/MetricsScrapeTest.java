package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.ComponentConfig;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.metrics.MetricsHttpServer;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real turns over a real socket: recorded speech through the real engine (energy VAD,
 * rule-based responder; STT and TTS are the doubles of {@link EngineOverSocketTest}), one answered turn, one
 * barge-in, one protocol error. The scrape is parsed with the Prometheus protobuf exposition's own generated
 * classes (the exposition Prometheus negotiates with {@code Accept}), and the text format by the Prometheus
 * Python client's parser ({@link PrometheusTextParser}); no text is matched by pattern.
 */
class MetricsScrapeTest {
    static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited";

    final EngineOverSocketTest.ToneTts tts = new EngineOverSocketTest.ToneTts();
    final HttpClient http = HttpClient.newHttpClient();
    RealtimeServer server;
    RealtimeTestClient client;

    @BeforeEach
    void start() throws Exception {
        Pipeline pipeline = new Pipeline("metrics-test", "A", 16000, true,
                new EnergyVadEngine(EnergyVadConfig.defaults()), new EngineOverSocketTest.FixedStt(), null,
                new RuleBasedResponderProvider().create(ComponentConfig.empty()), tts,
                new ComponentConfig(Map.of(), "test"));
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline, new DefaultSessionEngineFactory(),
                SessionObserver.NONE, new ParleyMetrics(),
                new ServerInfo("9.9.9", Map.of("metrics-test", List.of("A")), List.of()));
        client = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        client.expect("session.created");
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                + "{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":600}}}}}");
        client.expect("session.updated");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void countersAndHistogramsMoveWithRealTurns() throws Exception {
        List<Metrics.MetricFamily> before = scrape("http://127.0.0.1:" + server.port() + "/metrics");
        assertEquals(0, value(before, "parley_turns_total", Map.of()));

        send(EngineOverSocketTest.speech("weather-slt.wav", 600, 1500));
        JsonNode done = client.await("response.done");
        assertEquals("completed", done.at("/response/status").asText(), done.toString());
        client.await("parley.response.timing");
        tts.chunkDelayMs = 40;
        tts.chunks = 50;
        send(EngineOverSocketTest.speech("weather-slt.wav", 600, 1000));
        client.await("response.output_audio.delta");
        send(EngineOverSocketTest.speech("joke-slt.wav", 200, 1000));
        JsonNode cut = client.await("response.done");
        assertEquals("turn_detected", cut.at("/response/status_details/reason").asText(), cut.toString());
        client.send("{\"type\":\"no.such.event\"}");
        String code = client.await("error").at("/error/code").asText();

        List<Metrics.MetricFamily> after = scrape("http://127.0.0.1:" + server.port() + "/metrics");
        Map<String, String> variant = Map.of("pipeline", "metrics-test", "variant", "A");
        assertTrue(value(after, "parley_turns_total", variant) >= 2, "two committed turns at least");
        assertEquals(1, value(after, "parley_sessions_total", Map.of("transport", "websocket")));
        assertEquals(1, value(after, "parley_sessions_active", variant));
        assertTrue(value(after, "parley_responses_total", Map.of("status", "completed", "reason", "none")) >= 1);
        assertEquals(1, value(after, "parley_responses_total", Map.of("status", "cancelled", "reason",
                "turn_detected")));
        assertEquals(1, value(after, "parley_barge_ins_total", variant));
        assertTrue(value(after, "parley_audio_output_seconds_total", variant) >= 0.2, "a clause of audio went out");
        assertTrue(value(after, "parley_audio_input_seconds_total", variant) >= 2, "the committed speech");
        assertEquals(1, value(after, "parley_errors_total", Map.of("code", code)),
                "the protocol error is counted by its code, " + code);
        assertTrue(histogramCount(after, "parley_time_to_first_audio_seconds", variant) >= 1);
        for (String stage : List.of("turn_decision", "stt_final", "llm_first_token", "first_clause",
                "tts_first_audio", "framework")) {
            assertTrue(histogramCount(after, "parley_response_stage_seconds", Map.of("stage", stage)) >= 1, stage);
        }
        double ttfaSum = sum(after, "parley_time_to_first_audio_seconds", variant,
                m -> m.getHistogram().getSampleSum());
        assertTrue(ttfaSum > 0.5 && ttfaSum < 30, "ttfa includes the 600 ms silence window: " + ttfaSum);
        assertTrue(family(after, "parley_connections_refused_total") != null
                || family(after, "parley_connections_refused") != null, "refusals are exposed");
        assertTrue(family(after, "jvm_memory_used_bytes") != null, "JVM binder");
        assertTrue(after.stream().anyMatch(f -> f.getName().startsWith("jvm_gc_")), "GC binder");

        JsonNode status = new ObjectMapper().readTree(get("/v1/parley/status", "application/json").body());
        assertEquals("9.9.9", status.path("version").asText());
        assertEquals("A", status.at("/pipelines/0/variants/0").asText(), status.toString());
        assertEquals(1, status.at("/active_sessions/metrics-test~1A").asInt(), status.toString());

        HttpResponse<byte[]> text = get("/metrics", "text/plain");
        assertTrue(text.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        // the text format too, read by Prometheus' own parser: the same counters and histograms
        List<PrometheusTextParser.Sample> parsed = PrometheusTextParser.parse(
                new String(text.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(value(after, "parley_barge_ins_total", variant),
                PrometheusTextParser.sum(parsed, "parley_barge_ins_total", variant));
        assertEquals(value(after, "parley_turns_total", variant),
                PrometheusTextParser.sum(parsed, "parley_turns_total", variant));
        assertEquals(1, PrometheusTextParser.sum(parsed, "parley_responses_total", Map.of("status", "cancelled",
                "reason", "turn_detected")));
        double ttfaCount = histogramCount(after, "parley_time_to_first_audio_seconds", variant);
        assertEquals(ttfaCount, PrometheusTextParser.sum(parsed, "parley_time_to_first_audio_seconds_count", variant));
        java.util.Map<String, String> infBucket = new java.util.HashMap<>(variant);
        infBucket.put("le", "+Inf");
        assertEquals(ttfaCount, PrometheusTextParser.sum(parsed, "parley_time_to_first_audio_seconds_bucket",
                infBucket), "the +Inf bucket holds every observation");
        assertTrue(parsed.stream().anyMatch(p -> p.family().equals("parley_response_stage_seconds")
                && p.type().equals("histogram")), "stage latencies are typed histograms");

        try (MetricsHttpServer own = MetricsHttpServer.start("127.0.0.1", 0, server.metrics())) {
            List<Metrics.MetricFamily> side = scrape("http://127.0.0.1:" + own.port() + "/metrics");
            assertEquals(value(after, "parley_barge_ins_total", variant),
                    value(side, "parley_barge_ins_total", variant), "--metrics-port serves the same registry");
        }

        client.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        double active = 1;
        while (active != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            active = value(scrape("http://127.0.0.1:" + server.port() + "/metrics"), "parley_sessions_active",
                    variant);
        }
        assertEquals(0, active, "a closed session leaves the gauge");
    }

    private void send(byte[] pcm) {
        int step = 4800;
        for (int off = 0; off < pcm.length; off += step) {
            byte[] piece = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + step));
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + java.util.Base64.getEncoder().encodeToString(piece) + "\"}");
        }
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<Metrics.MetricFamily> scrape(String url) throws Exception {
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PROTOBUF)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("content-type").orElse("").startsWith("application/vnd.google.protobuf"));
        List<Metrics.MetricFamily> out = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(res.body())) {
            Metrics.MetricFamily f;
            while ((f = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Metrics.MetricFamily family(List<Metrics.MetricFamily> all, String name) {
        return all.stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
    }

    /** Counter or gauge value summed over the series carrying {@code labels} (0 when none does). */
    private static double value(List<Metrics.MetricFamily> all, String name, Map<String, String> labels) {
        return sum(all, name, labels, m -> m.hasCounter() ? m.getCounter().getValue() : m.getGauge().getValue());
    }

    private static double histogramCount(List<Metrics.MetricFamily> all, String name, Map<String, String> labels) {
        return sum(all, name, labels, m -> m.getHistogram().getSampleCount());
    }

    private static double sum(List<Metrics.MetricFamily> all, String name, Map<String, String> labels,
                              ToDoubleFunction<Metrics.Metric> of) {
        Metrics.MetricFamily f = family(all, name);
        if (f == null && name.endsWith("_total")) {
            f = family(all, name.substring(0, name.length() - "_total".length()));
        }
        if (f == null) {
            return 0;
        }
        return f.getMetricList().stream().filter(m -> labels.entrySet().stream().allMatch(l ->
                m.getLabelList().stream().anyMatch(p -> p.getName().equals(l.getKey())
                        && p.getValue().equals(l.getValue())))).mapToDouble(of).sum();
    }
}
