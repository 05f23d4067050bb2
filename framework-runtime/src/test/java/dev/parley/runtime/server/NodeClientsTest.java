package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official clients, unchanged, each complete a text turn against a running server: {@code openai}'s
 * {@code OpenAIRealtimeWS} over wss with the self-signed certificate, and {@code @openai/agents-realtime}'s
 * {@code RealtimeSession} over ws. The packages come from {@code scripts/prereqs.d/node-clients.sh}.
 */
class NodeClientsTest {
    static final Path ROOT = repoRoot();
    static final Path NODE_DIR = ROOT.resolve("build/node");

    @Test
    void openaiNodeRealtimeWsCompletesATextTurnOverTls() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-node")).withTlsSelfSigned(true);
        try (TestServer server = new TestServer(o)) {
            String out = runNode("openai-text-turn.mjs", Map.of("PARLEY_PORT", "" + server.server.port(),
                    "PARLEY_KEY", "sk-node", "PARLEY_CA", server.server.certificatePem().orElseThrow().toString()));
            JsonNode result = RealtimeTestClient.JSON.readTree(out);
            assertEquals("completed", result.path("status").asText(), out);
            assertEquals("You said: hello from openai-node", result.path("text").asText());
            assertEquals("session.created", result.at("/events/0").asText());
            assertTrue(result.path("events").toString().contains("session.updated"));
        }
    }

    @Test
    void openaiNodeBetaClientCompletesATextTurnInTheBetaDialect() throws Exception {
        ServerOptions o = TestServer.options(List.of("sk-beta")).withTlsSelfSigned(true);
        try (TestServer server = new TestServer(o)) {
            String out = runNode("openai-text-turn.mjs", Map.of("PARLEY_PORT", "" + server.server.port(),
                    "PARLEY_KEY", "sk-beta", "PARLEY_CA", server.server.certificatePem().orElseThrow().toString(),
                    "PARLEY_DIALECT", "beta"));
            JsonNode result = RealtimeTestClient.JSON.readTree(out);
            assertEquals("completed", result.path("status").asText(), out);
            assertEquals("You said: hello from the beta client", result.path("text").asText());
            String events = result.path("events").toString();
            for (String t : List.of("session.created", "conversation.created", "session.updated",
                    "conversation.item.created", "response.text.delta", "response.text.done", "response.done")) {
                assertTrue(events.contains("\"" + t + "\""), t + " reached the beta client: " + events);
            }
            assertTrue(!events.contains("output_text"), "no GA names on a beta connection: " + events);
        }
    }

    @Test
    void agentsRealtimeSessionCompletesATextTurn() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-agents")))) {
            String out = runNode("agents-text-turn.mjs", Map.of("PARLEY_PORT", "" + server.server.port(),
                    "PARLEY_KEY", "sk-agents"));
            JsonNode result = RealtimeTestClient.JSON.readTree(out);
            assertEquals("You said: hello from agents", result.path("output").asText(), out);
            assertTrue(result.path("history").asInt() >= 2, "user and assistant items in the SDK's history");
            String events = result.path("events").toString();
            for (String t : List.of("session.created", "session.updated", "conversation.item.added",
                    "response.output_text.delta", "response.done")) {
                assertTrue(events.contains("\"" + t + "\""), t + " reached the SDK: " + events);
            }
        }
    }

    @Test
    void agentsRealtimeRunsAFunctionToolRoundTrip() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of()))) {
            server.engines.script = spec -> {
                boolean answered = spec.request().messages().stream()
                        .anyMatch(m -> m instanceof ChatMessage.ToolResult);
                if (!answered) {
                    return List.of(new Step.Tool(0, "call_agents1", "get_weather", "{\"city\":", "\"Paris\"}"),
                            new Step.Complete(FinishReason.TOOL_CALLS));
                }
                ChatMessage.ToolResult r = (ChatMessage.ToolResult) spec.request().messages().stream()
                        .filter(m -> m instanceof ChatMessage.ToolResult).findFirst().orElseThrow();
                return List.of(new Step.Text("It is " + r.output() + "."), new Step.Complete(FinishReason.STOP));
            };
            String out = runNode("agents-tool-call.mjs", Map.of("PARLEY_PORT", "" + server.server.port(),
                    "PARLEY_KEY", "any"));
            JsonNode result = RealtimeTestClient.JSON.readTree(out);
            assertEquals("Paris", result.at("/toolRuns/0").asText(), out);
            assertTrue(result.path("output").asText().contains("sunny in Paris"), out);
            assertEquals("get_weather", server.engines.requests.get(0).request().tools().get(0).name(),
                    "the SDK's tool reached the model request");
        }
    }

    @Test
    void agentsRealtimeTruncatesWhatItPlayedOnBargeIn() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of()))) {
            server.engines.script = spec -> List.of(new Step.Text("One two three four. "), new Step.Audio(400),
                    new Step.Text("Five six seven eight."), new Step.Audio(400), new Step.Sleep(150),
                    new Step.UserSpeaks(1, 5000), new Step.Hang());
            String out = runNode("agents-barge-in.mjs", Map.of("PARLEY_PORT", "" + server.server.port(),
                    "PARLEY_KEY", "any"));
            JsonNode result = RealtimeTestClient.JSON.readTree(out);
            assertTrue(result.path("interrupted").asBoolean(), out);
            assertEquals("cancelled", result.path("doneStatus").asText(), out);
            assertEquals("turn_detected", result.path("reason").asText(), out);
            int end = result.path("audioEndMs").asInt();
            assertTrue(end > 0 && end <= 800, out);
            String full = "One two three four. Five six seven eight.";
            String heard = result.path("heard").asText();
            assertTrue(full.startsWith(heard) && heard.length() < full.length(), out);
        }
    }

    /** Copies the script next to node_modules and runs it; returns its last stdout line. */
    static String runNode(String script, Map<String, String> env) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/openai"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/@openai/agents-realtime"))) {
            throw new AssertionError("The OpenAI npm clients are missing from " + NODE_DIR
                    + ": run ./parley test (or scripts/prereqs.d/node-clients.sh) first.");
        }
        Path target = NODE_DIR.resolve(script);
        Files.copy(ROOT.resolve("framework-runtime/src/test/node/" + script), target,
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder("node", target.toString()).directory(NODE_DIR.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(false);
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("Cannot run node (" + e.getMessage() + "): install nodejs and npm, then run "
                    + "./parley test (or scripts/prereqs.d/node-clients.sh).", e);
        }
        boolean finished = p.waitFor(Duration.ofSeconds(40).toMillis(), TimeUnit.MILLISECONDS);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!finished) {
            p.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish; stderr: " + stderr);
        }
        assertEquals(0, p.exitValue(), "node " + script + " failed: " + stderr + "\nstdout: " + stdout);
        String[] lines = stdout.split("\n");
        return lines[lines.length - 1];
    }

    static Path repoRoot() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".mvn"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (the directory holding .mvn/) not found");
        }
        return p;
    }

}
