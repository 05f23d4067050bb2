package dev.parley.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.server.PrometheusTextParser;
import dev.parley.testkit.OtlpTraceReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Telemetry of a real {@code parley serve}: {@code --otlp-endpoint} pointing at an OTLP/HTTP receiver in this test
 * (each export decoded with the OpenTelemetry proto classes), {@code --trace-sessions all}, and
 * {@code --metrics-port}. The official {@code openai} client holds one session ({@code openai-e2e.mjs
 * tool-call-truncate}): a spoken question that calls a function, the answer to its output, a story interrupted by
 * the user's speech (barge-in) and truncated. The test checks the exported span tree (session → turns → response
 * and stage spans, with the session, item, response and call ids as attributes) and the Prometheus scrape, read by
 * Prometheus' own text parser.
 */
class TelemetryServeIT {
    OtlpTraceReceiver receiver;
    List<Span> spans;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = OtlpTraceReceiver.start();
        spans = receiver.spans();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSpokenTurnWithAFunctionCallAndABargeInIsTracedAndCounted() throws Exception {
        int metricsPort;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            metricsPort = free.getLocalPort();
        }
        JsonNode asked;
        String scrape;
        try (ParleyServeProcess server = ParleyServeProcess.start("--tls-self-signed", "--otlp-endpoint",
                receiver.endpoint(), "--trace-sessions", "all",
                "--metrics-port", "" + metricsPort)) {
            Map<String, String> env = Map.of("PARLEY_PORT", "" + server.port(),
                    "PARLEY_CA", server.certificate().toString(),
                    "PARLEY_WEATHER", ClientSpeech.pcm24k("weather-slt.wav").toString(),
                    "PARLEY_BARGE_IN", ClientSpeech.pcm24k("station-slt.wav").toString());
            asked = NodeScript.scenario(server, "openai-e2e.mjs", env, "tool-call-truncate");
            awaitSpan("parley.session", 20_000); // ended when the client closed; exported within a second or so
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        r.headers().toString());
                scrape = r.body();
            }
        }
        String callId = asked.at("/tool/argumentsDone/0/call_id").asText();
        assertFalse(callId.isEmpty(), "the question asked for the function: " + asked);
        checkTrace(asked, callId);
        checkMetrics(scrape);
    }

    private void checkTrace(JsonNode asked, String callId) {
        Span session = only("parley.session");
        assertTrue(session.getParentSpanId().isEmpty(), "the session span is the trace's root");
        String sessionId = attr(session, "parley.session.id").orElseThrow();
        List<Span> trace = spans.stream().filter(s -> s.getTraceId().equals(session.getTraceId())).toList();
        assertEquals(spans.size(), trace.size(), "one session, one trace: " + names(spans));
        List<Span> turns = named(trace, "parley.turn");
        assertTrue(turns.size() >= 3, "question, output's answer, story, interruption: " + names(trace));
        for (Span t : turns) {
            assertEquals(session.getSpanId(), t.getParentSpanId(), "turns are children of the session");
            assertEquals(Optional.of(sessionId), attr(t, "parley.session.id"));
        }
        List<Span> responses = named(trace, "parley.response");
        assertTrue(responses.size() >= 4, names(trace));
        for (Span r : responses) {
            assertTrue(turns.stream().anyMatch(t -> t.getSpanId().equals(r.getParentSpanId())), "under a turn");
            assertTrue(attr(r, "parley.response.id").orElse("").startsWith("resp_"), r.toString());
        }
        // the spoken question's turn: turn decision and STT under it, with the user item's id
        Span question = turns.stream().filter(t -> attr(t, "parley.item.id").isPresent()).findFirst().orElseThrow();
        List<Span> stt = children(trace, question, "parley.stt");
        assertEquals(1, stt.size(), names(trace));
        assertEquals(attr(question, "parley.item.id"), attr(stt.get(0), "parley.item.id"));
        assertEquals(1, children(trace, question, "parley.turn_decision").size(), names(trace));
        // LLM and TTS clause spans under responses, with the provider
        for (String stage : List.of("parley.llm", "parley.tts.clause")) {
            List<Span> s = named(trace, stage);
            assertFalse(s.isEmpty(), stage + ": " + names(trace));
            s.forEach(x -> assertTrue(responses.stream().anyMatch(r -> r.getSpanId().equals(x.getParentSpanId())),
                    stage + " under a response"));
        }
        assertTrue(attr(named(trace, "parley.llm").get(0), "gen_ai.provider.name").isPresent());
        // the function call, with the client's call id, ended by the client's output item
        Span tool = only("parley.tool_call");
        assertEquals(Optional.of(callId), attr(tool, "parley.tool.call_id"));
        assertEquals(Optional.of("get_weather"), attr(tool, "parley.tool.name"));
        assertTrue(attr(tool, "parley.tool.output_item.id").isPresent(), tool.toString());
        // the barge-in: the story's response cancelled by the user's speech, marked on it and its turn
        String story = asked.at("/cancelled/id").asText();
        Span cancelled = responses.stream().filter(r -> attr(r, "parley.response.id").orElse("").equals(story))
                .findFirst().orElseThrow(() -> new AssertionError("no span for " + story + ": " + names(trace)));
        assertEquals(Optional.of("cancelled"), attr(cancelled, "parley.response.status"));
        assertEquals(Optional.of("true"), attr(cancelled, "parley.barge_in"));
        Span storyTurn = turns.stream().filter(t -> t.getSpanId().equals(cancelled.getParentSpanId())).findFirst()
                .orElseThrow();
        assertTrue(storyTurn.getEventsList().stream().anyMatch(e -> e.getName().equals("barge_in")), storyTurn.toString());
    }

    private static void checkMetrics(String scrape) throws Exception {
        List<PrometheusTextParser.Sample> parsed = PrometheusTextParser.parse(scrape);
        Map<String, String> any = Map.of();
        for (String counter : List.of("parley_sessions_total", "parley_turns_total", "parley_barge_ins_total",
                "parley_time_to_first_audio_seconds_count", "parley_audio_input_seconds_total",
                "parley_audio_output_seconds_total", "parley_response_stage_seconds_count")) {
            assertTrue(PrometheusTextParser.sum(parsed, counter, any) > 0, counter + " moved: "
                    + parsed.stream().filter(s -> s.name().startsWith("parley_")).map(s -> s.name()).distinct()
                    .toList());
        }
        assertTrue(PrometheusTextParser.sum(parsed, "parley_responses_total", Map.of("status", "cancelled")) >= 1);
        assertTrue(PrometheusTextParser.sum(parsed, "parley_responses_total", Map.of("status", "completed")) >= 2);
        assertTrue(parsed.stream().anyMatch(s -> s.type().equals("histogram")
                && s.name().equals("parley_time_to_first_audio_seconds_bucket")), "TTFA is a histogram");
        assertTrue(PrometheusTextParser.sum(parsed, "jvm_memory_used_bytes", any) > 0, "Micrometer's JVM binders");
    }

    private void awaitSpan(String name, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        while (named(spans, name).isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the batch that carries the session span may be followed by the last stage spans
    }

    private Span only(String name) {
        List<Span> s = named(spans, name);
        assertEquals(1, s.size(), name + ": " + names(spans));
        return s.get(0);
    }

    private static List<Span> named(List<Span> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static List<Span> children(List<Span> spans, Span parent, String name) {
        return named(spans, name).stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    private static String names(List<Span> spans) {
        return spans.stream().map(Span::getName).toList().toString();
    }

    private static Optional<String> attr(Span s, String key) {
        return OtlpTraceReceiver.attribute(s, key);
    }
}
