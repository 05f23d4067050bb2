package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.ComponentConfig;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.realtime.SessionTaps;
import dev.parley.runtime.tracing.LlmLabel;
import dev.parley.runtime.tracing.OtlpTracing;
import dev.parley.testkit.OtlpTraceReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real OTLP/HTTP exports of a real session: recorded speech through the real engine (energy VAD, rule-based
 * responder, the STT and TTS doubles of {@link EngineOverSocketTest}) over a real socket, a spoken turn that
 * calls a function, the function's answer interrupted by the user's speech (barge-in). An in-test receiver on
 * 127.0.0.1 decodes each {@code ExportTraceServiceRequest} with the OpenTelemetry proto classes; the test checks
 * the span tree and that a session without {@code tracing} exports nothing.
 */
class OtlpTraceExportTest {
    final EngineOverSocketTest.ToneTts tts = new EngineOverSocketTest.ToneTts();
    OtlpTraceReceiver receiver;
    List<Span> spans;
    OtlpTracing tracing;
    RealtimeServer server;

    @BeforeEach
    void start() throws Exception {
        receiver = OtlpTraceReceiver.start();
        spans = receiver.spans();
        tracing = OtlpTracing.configure(receiver.endpoint(),
                OtlpTracing.Sessions.REQUESTED, p -> new LlmLabel("rules", "offline-rules"), Map.of()).orElseThrow();
        Pipeline pipeline = new Pipeline("trace-test", null, 16000, true,
                new EnergyVadEngine(EnergyVadConfig.defaults()), new EngineOverSocketTest.FixedStt(), null,
                new RuleBasedResponderProvider().create(ComponentConfig.empty()), tts,
                new ComponentConfig(Map.of(), "test"));
        ParleyMetrics metrics = new ParleyMetrics();
        server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline, new DefaultSessionEngineFactory(),
                SessionObserver.NONE, metrics, ServerInfo.minimal(), SessionTaps.all(metrics, tracing));
    }

    @AfterEach
    void stop() {
        server.close();
        tracing.close();
        receiver.close();
    }

    @Test
    void spokenTurnWithFunctionCallAndBargeInExportsTheSpanTree() throws Exception {
        RealtimeTestClient untraced = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        String untracedId = untraced.expect("session.created").at("/session/id").asText();

        RealtimeTestClient client = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime");
        String sessionId = client.expect("session.created").at("/session/id").asText();
        client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"tracing\":{\"workflow_name\":"
                + "\"support-line\",\"group_id\":\"g-7\",\"metadata\":{\"tenant\":\"acme\"}},\"tools\":[{\"type\":"
                + "\"function\",\"name\":\"get_time\",\"description\":\"The current time\",\"parameters\":{\"type\":"
                + "\"object\",\"properties\":{}}}],\"audio\":{\"input\":{\"turn_detection\":{\"type\":\"server_vad\","
                + "\"silence_duration_ms\":600}}}}}");
        client.expect("session.updated");

        // turn 1, spoken: the responder calls get_time
        send(client, EngineOverSocketTest.speech("weather-slt.wav", 600, 1500));
        String userItem = client.await("input_audio_buffer.committed").path("item_id").asText();
        JsonNode args = client.await("response.function_call_arguments.done");
        String callId = args.path("call_id").asText();
        JsonNode first = client.await("response.done");
        assertEquals("completed", first.at("/response/status").asText(), first.toString());
        client.await("parley.response.timing");

        // turn 2: the function's result is answered with slow speech, which the user interrupts
        tts.chunkDelayMs = 40;
        tts.chunks = 50;
        client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + callId + "\",\"output\":\"{\\\"time\\\":\\\"noon\\\"}\"}}");
        client.await("conversation.item.added");
        client.send("{\"type\":\"response.create\"}");
        String answered = client.await("response.created").at("/response/id").asText();
        client.await("response.output_audio.delta");
        send(client, EngineOverSocketTest.speech("joke-slt.wav", 200, 1000));
        JsonNode cut = client.await("response.done");
        assertEquals(answered, cut.at("/response/id").asText());
        assertEquals("turn_detected", cut.at("/response/status_details/reason").asText(), cut.toString());
        client.await("parley.response.timing");
        client.await("response.done"); // turn 3: the interrupting speech is answered
        client.await("parley.response.timing");
        client.send("{\"type\":\"no.such.event\"}");
        client.await("error");
        client.close();
        untraced.close();
        awaitSpan("parley.session", 10_000);
        tracing.flush();

        assertTrue(receiver.contentTypes().stream().allMatch(t -> t.startsWith("application/x-protobuf")),
                receiver.contentTypes().toString());
        assertTrue(spans.stream().noneMatch(s -> untracedId.equals(attr(s, "parley.session.id"))),
                "a session without tracing exports nothing");
        Span root = spans.stream().filter(s -> s.getParentSpanId().isEmpty()).findFirst().orElseThrow();
        assertEquals("support-line", root.getName(), "the workflow names the trace");
        assertEquals(sessionId, attr(root, "parley.session.id"));
        assertEquals("g-7", attr(root, "parley.workflow.group_id"));
        assertEquals("acme", attr(root, "parley.workflow.metadata.tenant"));
        assertTrue(root.getEventsList().stream().anyMatch(e -> e.getName().equals("error")));
        assertTrue(spans.stream().allMatch(s -> s.getTraceId().equals(root.getTraceId())), "one trace per session");

        List<Span> turns = children(root, "parley.turn");
        assertTrue(turns.size() >= 3, "a span per turn: " + names(spans));
        Span turn1 = turns.stream().filter(t -> userItem.equals(attr(t, "parley.item.id"))).findFirst().orElseThrow();
        assertEquals(first.at("/response/id").asText(), attr(turn1, "parley.response.id"));
        assertNotNull(child(turn1, "parley.turn_decision"), names(children(turn1, null)));
        Span stt = child(turn1, "parley.stt");
        assertEquals(userItem, attr(stt, "parley.item.id"));
        assertTrue(stt.getEndTimeUnixNano() > stt.getStartTimeUnixNano());
        Span response1 = child(turn1, "parley.response");
        Span llm = child(response1, "parley.llm");
        assertEquals("rules", attr(llm, "gen_ai.provider.name"));
        assertEquals("offline-rules", attr(llm, "gen_ai.request.model"));
        assertTrue(llm.getEventsList().stream().anyMatch(e -> e.getName().equals("first_token")));
        Span tool = child(response1, "parley.tool_call");
        assertEquals("get_time", attr(tool, "parley.tool.name"));
        assertEquals(callId, attr(tool, "parley.tool.call_id"));
        assertTrue(tool.getEndTimeUnixNano() > response1.getEndTimeUnixNano(),
                "the call lasts until the client's output arrives, after response.done");
        assertTrue(turn1.getStartTimeUnixNano() <= stt.getStartTimeUnixNano()
                && response1.getEndTimeUnixNano() <= turn1.getEndTimeUnixNano(), "stages nest in the turn");

        Span bargedTurn = turns.stream().filter(t -> answered.equals(attr(t, "parley.response.id"))).findFirst()
                .orElseThrow();
        assertEquals("true", attr(bargedTurn, "parley.barge_in"));
        assertTrue(bargedTurn.getEventsList().stream().anyMatch(e -> e.getName().equals("barge_in")));
        Span cancelled = child(bargedTurn, "parley.response");
        assertEquals("cancelled", attr(cancelled, "parley.response.status"));
        assertEquals("turn_detected", attr(cancelled, "parley.response.reason"));
        List<Span> clauses = children(cancelled, "parley.tts.clause");
        assertFalse(clauses.isEmpty(), "each TTS clause has a span: " + names(children(cancelled, null)));
        assertTrue(clauses.get(0).getEventsList().stream().anyMatch(e -> e.getName().equals("first_audio")));
        assertNotNull(child(cancelled, "parley.llm"));
    }

    private void awaitSpan(String name, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (spans.stream().noneMatch(s -> s.getName().equals(name) || s.getParentSpanId().isEmpty())
                && System.nanoTime() < deadline) {
            tracing.flush();
            Thread.sleep(50);
        }
    }

    private List<Span> children(Span parent, String name) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.getParentSpanId().equals(parent.getSpanId()) && (name == null || s.getName().equals(name))) {
                out.add(s);
            }
        }
        out.sort((a, b) -> Long.compare(a.getStartTimeUnixNano(), b.getStartTimeUnixNano()));
        return out;
    }

    private Span child(Span parent, String name) {
        List<Span> c = children(parent, name);
        assertFalse(c.isEmpty(), name + " under " + parent.getName() + ": " + names(children(parent, null)));
        return c.get(0);
    }

    private static String names(List<Span> list) {
        return list.stream().map(s -> s.getName() + "#" + HexFormat.of().formatHex(s.getSpanId().toByteArray())
                .substring(0, 4)).toList().toString();
    }

    private static String attr(Span s, String key) {
        return OtlpTraceReceiver.attribute(s, key).orElse(null);
    }

    private static void send(RealtimeTestClient client, byte[] pcm) {
        int step = 4800;
        for (int off = 0; off < pcm.length; off += step) {
            byte[] piece = Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + step));
            client.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(piece) + "\"}");
        }
    }
}
