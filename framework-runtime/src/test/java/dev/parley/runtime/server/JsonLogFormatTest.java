package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.ComponentConfig;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.cli.LogFormat;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json}: with stderr captured, a real session answers a turn; every line logged is one JSON
 * object, and the session's lines carry its id, the response's timing line the response's id, in {@code mdc}.
 */
class JsonLogFormatTest {
    @Test
    void everyLineIsOneJsonObjectWithSessionAndResponseIds() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String sessionId;
        String responseId;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.JSON.apply();
            Pipeline pipeline = new Pipeline("json-logs", null, 16000, true,
                    new EnergyVadEngine(EnergyVadConfig.defaults()), new EngineOverSocketTest.FixedStt(), null,
                    new RuleBasedResponderProvider().create(ComponentConfig.empty()),
                    new EngineOverSocketTest.ToneTts(), new ComponentConfig(Map.of(), "test"));
            try (RealtimeServer server = RealtimeServer.start(TestServer.options(List.of()), r -> pipeline,
                    new DefaultSessionEngineFactory());
                 RealtimeTestClient client = RealtimeTestClient.connect(server.url() + "?model=gpt-realtime")) {
                sessionId = client.expect("session.created").at("/session/id").asText();
                client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                        + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"what time is it\"}]}}");
                client.send("{\"type\":\"response.create\"}");
                responseId = client.await("response.done").at("/response/id").asText();
                client.await("parley.response.timing");
            }
        } finally {
            System.setErr(err);
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            ctx.reset();
            new ContextInitializer(ctx).autoConfig();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                assertTrue(node.isObject() && node.hasNonNull("message") && node.hasNonNull("level"), line);
                lines.add(node);
            }
        }
        String sid = sessionId;
        String rid = responseId;
        JsonNode opened = lines.stream().filter(l -> l.path("formattedMessage").asText().startsWith("Session " + sid
                + " opened")).findFirst().orElseThrow(() -> new AssertionError("no 'opened' line: " + lines));
        assertEquals(sid, opened.at("/mdc/session_id").asText(), opened.toString());
        JsonNode timing = lines.stream().filter(l -> l.path("formattedMessage").asText().contains(rid + " timing"))
                .findFirst().orElseThrow(() -> new AssertionError("no timing line: " + lines));
        assertEquals(sid, timing.at("/mdc/session_id").asText(), timing.toString());
        assertEquals(rid, timing.at("/mdc/response_id").asText(), timing.toString());
    }
}
