package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.it.RepoPaths;
import dev.parley.runtime.cli.ExperimentsCommand;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Sessions over a real WebSocket server routed by {@code pipelines/ab-test.yaml} with the {@code ab} router from
 * its plugin zip: the client sees its variant in {@code session.created}, a user key is sticky across
 * connections, an unknown forced variant is refused, and each variant's turns end up in the experiment journal
 * and in {@code parley experiments report}. (Responses come from the runtime's scripted test engine: this test
 * is about routing, not audio; AbTestPipelineIT runs the variants' real engines.)
 */
class RoutedSessionsIT {
    @TempDir
    Path journals;

    @Test
    void clientsSeeTheirVariantAndTurnsAreReportedPerVariant() throws Exception {
        EnvInterpolator env = new EnvInterpolator(k -> k.startsWith("OPENAI") || k.startsWith("PARLEY_LLM")
                ? null : System.getenv(k));
        String alice;
        PipelineDefinition definition = new PipelineParser(env).parse("pipelines/ab-test.yaml",
                Files.readString(RepoPaths.root().resolve("pipelines/ab-test.yaml")));
        try (RoutedPipelineSelector selector = new ExperimentLoader(
                ComponentLoader.shared(RepoPaths.plugins()).registry(), env).load(definition, journals);
             TestServer server = new TestServer(TestServer.options(List.of()), selector, selector.recorder())) {
            assertEquals("B", textTurn(server.url() + "&user=qa-anna"), "qa- cohort");
            assertEquals("A", textTurn(server.url() + "&user=qa-anna&variant=A"), "forced beats cohort");
            alice = textTurn(server.url() + "&user=alice");
            assertEquals(alice, textTurn(server.url() + "&user=alice"), "sticky across connections");
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url() + "&variant=Z")) {
                JsonNode error = c.expect("error").path("error");
                assertEquals("invalid_variant", error.path("code").asText());
                assertTrue(error.path("message").asText().contains("A, B"), error.toString());
            }
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExperimentsCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("report", "--dir", journals.toString()));
        System.out.print(out);
        String report = out.toString();
        assertTrue(report.contains("Experiment vad-energy-vs-silero"), report);
        int turnsA = report.lines().filter(l -> l.startsWith("ab-test   A ")).mapToInt(l -> column(l, 3)).sum();
        int turnsB = report.lines().filter(l -> l.startsWith("ab-test   B ")).mapToInt(l -> column(l, 3)).sum();
        assertEquals(4, turnsA + turnsB, report);
        assertEquals("B".equals(alice) ? 3 : 1, turnsB, report);
    }

    @Test
    void aLiveSessionSwitchesVariantBetweenTurns(@TempDir Path switchJournals) throws Exception {
        EnvInterpolator env = new EnvInterpolator(k -> k.startsWith("OPENAI") || k.startsWith("PARLEY_LLM")
                ? null : System.getenv(k));
        PipelineDefinition definition = new PipelineParser(env).parse("pipelines/ab-test.yaml",
                Files.readString(RepoPaths.root().resolve("pipelines/ab-test.yaml")));
        try (RoutedPipelineSelector selector = new ExperimentLoader(
                ComponentLoader.shared(RepoPaths.plugins()).registry(), env).load(definition, switchJournals);
             TestServer server = new TestServer(TestServer.options(List.of()), selector, selector.recorder());
             RealtimeTestClient c = RealtimeTestClient.connect(server.url() + "&user=qa-anna")) {
            assertEquals("B", c.expect("session.created").at("/session/parley/variant").asText());
            runTextTurn(c);

            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"parley\":{\"variant\":\"Z\"}}}");
            JsonNode refused = c.await("error").path("error");
            assertEquals("invalid_variant", refused.path("code").asText(), refused.toString());
            assertEquals("session.parley.variant", refused.path("param").asText());

            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\","
                    + "\"parley\":{\"variant\":\"A\"}}}");
            // the update itself, then (the session is idle: a turn boundary) the switch to the variant's engines
            assertEquals("B", c.await("session.updated").at("/session/parley/variant").asText());
            JsonNode switched = c.expect("session.updated").path("session");
            assertEquals("A", switched.at("/parley/variant").asText(), switched.toString());
            assertEquals("Be brief.", switched.path("instructions").asText(), "client settings survive the switch");
            runTextTurn(c);
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ExperimentsCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("report", "--dir", switchJournals.toString()));
        String report = out.toString();
        assertEquals(1, report.lines().filter(l -> l.startsWith("ab-test   A ")).mapToInt(l -> column(l, 3)).sum(),
                "the turn after the switch counts for A: " + report);
        assertEquals(1, report.lines().filter(l -> l.startsWith("ab-test   B ")).mapToInt(l -> column(l, 3)).sum(),
                "the turn before it for B: " + report);
    }

    private static void runTextTurn(RealtimeTestClient c) throws Exception {
        c.send(TextTurnConformanceTest.USER_TEXT);
        c.send(TextTurnConformanceTest.TEXT_RESPONSE);
        assertEquals("completed", c.await("response.done").at("/response/status").asText());
    }

    /** Connects, checks session.parley, runs one text turn; returns the variant the session got. */
    private static String textTurn(String url) throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(url)) {
            JsonNode parley = c.expect("session.created").path("session").path("parley");
            assertEquals("ab-test", parley.path("pipeline").asText());
            c.send(TextTurnConformanceTest.USER_TEXT);
            c.send(TextTurnConformanceTest.TEXT_RESPONSE);
            assertEquals("completed", c.await("response.done").at("/response/status").asText());
            return parley.path("variant").asText();
        }
    }

    private static int column(String line, int index) {
        return Integer.parseInt(line.trim().split("\\s+")[index]);
    }
}
