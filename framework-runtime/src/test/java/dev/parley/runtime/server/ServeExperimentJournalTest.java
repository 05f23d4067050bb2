package dev.parley.runtime.server;

import dev.parley.runtime.cli.ParleyCli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.api.router.RouterProvider;
import dev.parley.runtime.plugins.FixturePlugin;
import dev.parley.runtime.plugins.PluginsDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression for issue 18 part 2: {@code parley serve} with a routed pipeline wrote only {@code session} lines to
 * the experiment journal (the selector is not a session observer; its recorder is). Runs the real {@code serve}
 * command in-process with a two-variant pipeline (energy VAD, rule-based responder, a router from a real fixture
 * plugin zip that honours {@code ?variant=}), holds real turns on both variants over WebSockets, drains it, and
 * reads the journal back with {@code parley experiments report}.
 */
class ServeExperimentJournalTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void turnsOnBothVariantsReachTheJournalAndTheReport() throws Exception {
        Path plugins = plugins();
        Path yaml = home.resolve("ab-text.yaml");
        Files.writeString(yaml, """
                name: ab-text
                sample_rate: 16000
                session:
                  instructions: "Be brief."
                  output_modalities: [text]
                stages:
                  vad: {provider: energy, config: {}}
                  stt: {provider: fixed-stt}
                  llm: {provider: rules}
                  tts: {provider: silent-tts}
                router:
                  provider: query-variant
                  config: {experiment: text-ab}
                variants:
                  A: {weight: 50}
                  B: {weight: 50}
                """);
        serve(yaml, plugins, url -> {
            for (String variant : List.of("A", "B", "B")) {
                assertEquals(variant, textTurns(url + "?model=parley&variant=" + variant, 2));
            }
        });
        Path journal = home.resolve("build/experiments/text-ab.jsonl");
        List<String> events = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(journal)) {
            JsonNode n = JSON.readTree(l);
            events.add(n.path("event").asText() + " " + n.path("variant").asText());
        }
        assertEquals(1, events.stream().filter("session A"::equals).count(), events.toString());
        assertEquals(2, events.stream().filter("turn A"::equals).count(), events.toString());
        assertEquals(2, events.stream().filter("session B"::equals).count(), events.toString());
        assertEquals(4, events.stream().filter("turn B"::equals).count(), events.toString());

        StringWriter out = new StringWriter();
        assertEquals(0, ParleyCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "experiments",
                "report", "--file", journal.toString()));
        String report = out.toString();
        System.out.print(report);
        List<String> rowA = report.lines().filter(l -> l.startsWith("ab-text   A ")).findFirst().map(
                l -> List.of(l.trim().split("\\s+"))).orElseThrow(() -> new AssertionError(report));
        List<String> rowB = report.lines().filter(l -> l.startsWith("ab-text   B ")).findFirst().map(
                l -> List.of(l.trim().split("\\s+"))).orElseThrow(() -> new AssertionError(report));
        assertEquals(List.of("1", "2"), rowA.subList(2, 4), "sessions and turns of A: " + report);
        assertEquals(List.of("2", "4"), rowB.subList(2, 4), "sessions and turns of B: " + report);
        assertTrue(report.contains("mean turns per session: A 2.0, B 2.0"), report);
    }

    /** The fixture plugin: a router honouring {@code ?variant=}, a fixed recogniser, a silent and a slow TTS. */
    private Path plugins() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        FixturePlugin.named("query-router")
                .provider("fixture.router", "QueryRouter", RouterProvider.class, "query-variant",
                        "return r -> new dev.parley.api.router.RouteDecision("
                                + "r.query().getOrDefault(\"variant\", \"A\"), \"forced\");")
                .provider("fixture.router", "FixedStt", dev.parley.api.stt.SttProvider.class, "fixed-stt",
                        "return new dev.parley.api.stt.SttEngine() {\n"
                                + "  public int sampleRate() { return 16000; }\n"
                                + "  public dev.parley.api.stt.SttStream open(dev.parley.api.stt.SttListener l) {\n"
                                + "    return new dev.parley.api.stt.SttStream() {\n"
                                + "      public void accept(dev.parley.api.audio.AudioChunk c) { }\n"
                                + "      public void endUtterance() { l.onFinal(\"what is two plus three\"); }\n"
                                + "      public void reset() { }\n"
                                + "      public void cancel() { }\n"
                                + "    };\n  }\n};")
                .provider("fixture.router", "SilentTts", dev.parley.api.tts.TtsProvider.class, "silent-tts",
                        "return new dev.parley.api.tts.TtsEngine() {\n"
                                + "  public int sampleRate() { return 16000; }\n"
                                + "  public java.util.List<String> voices() { return java.util.List.of(\"alloy\"); }\n"
                                + "  public dev.parley.api.tts.TtsSynthesis synthesize(String text,\n"
                                + "      dev.parley.api.tts.VoiceSettings v, dev.parley.api.tts.TtsListener l) {\n"
                                + "    l.onAudio(new dev.parley.api.audio.AudioChunk(new short[3200], 16000));\n"
                                + "    l.onDone();\n"
                                + "    return () -> { };\n  }\n};")
                .provider("fixture.router", "SlowTts", dev.parley.api.tts.TtsProvider.class, "slow-tts",
                        "return new dev.parley.api.tts.TtsEngine() {\n"
                                + "  public int sampleRate() { return 16000; }\n"
                                + "  public java.util.List<String> voices() { return java.util.List.of(\"alloy\"); }\n"
                                + "  public dev.parley.api.tts.TtsSynthesis synthesize(String text,\n"
                                + "      dev.parley.api.tts.VoiceSettings v, dev.parley.api.tts.TtsListener l) {\n"
                                + "    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();\n"
                                + "    Thread.ofVirtual().start(() -> {\n"
                                + "      for (int i = 0; i < 60 && !stop.get(); i++) {\n"
                                + "        short[] s = new short[320];\n"
                                + "        for (int k = 0; k < s.length; k++) s[k] = (short) (3000 * Math.sin(k * 0.2));\n"
                                + "        l.onAudio(new dev.parley.api.audio.AudioChunk(s, 16000));\n"
                                + "        try { Thread.sleep(30); } catch (InterruptedException e) { return; }\n"
                                + "      }\n"
                                + "      if (!stop.get()) l.onDone();\n"
                                + "    });\n"
                                + "    return () -> stop.set(true);\n  }\n};")
                .buildInto(plugins);
        return plugins;
    }

    /**
     * Voice turns and barge-ins on both variants (issue 18 item 2's regression test): each variant's session speaks
     * a question (answered), then speaks over the next answer (a barge-in) and is answered again. The report shows
     * per variant: two timed turns with a time to first audio, one barge-in (50 %), no errors.
     */
    @Test
    void voiceTurnsAndBargeInsOnBothVariantsReachTheReport() throws Exception {
        Path plugins = plugins();
        Path yaml = home.resolve("ab-voice.yaml");
        Files.writeString(yaml, """
                name: ab-voice
                sample_rate: 16000
                stages:
                  vad: {provider: energy, config: {}}
                  stt: {provider: fixed-stt}
                  llm: {provider: rules}
                  tts: {provider: slow-tts}
                router:
                  provider: query-variant
                  config: {experiment: voice-ab}
                variants:
                  A: {weight: 50}
                  B: {weight: 50}
                """);
        serve(yaml, plugins, url -> {
            for (String variant : List.of("A", "B")) {
                assertEquals(variant, voiceTurns(url + "?model=parley&variant=" + variant));
            }
        });
        Path journal = home.resolve("build/experiments/voice-ab.jsonl");
        StringWriter out = new StringWriter();
        assertEquals(0, ParleyCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "experiments",
                "report", "--file", journal.toString()));
        String report = out.toString();
        System.out.print(report);
        for (String variant : List.of("A", "B")) {
            List<String> row = report.lines().filter(l -> l.startsWith("ab-voice  " + variant + " ")).findFirst()
                    .map(l -> List.of(l.trim().split("\\s+"))).orElseThrow(() -> new AssertionError(report));
            // pipeline variant sessions turns p50 p90 barge-ins rate % errors
            assertEquals(List.of("1", "2"), row.subList(2, 4), variant + ": " + report);
            double p50 = Double.parseDouble(row.get(4));
            double p90 = Double.parseDouble(row.get(5));
            assertTrue(p50 > 0 && p90 >= p50 && p90 < 30_000, variant + " ttfa: " + report);
            assertEquals(List.of("1", "50.0", "%", "0"), row.subList(6, 10), variant + ": " + report);
        }
        assertTrue(report.contains("mean turns per session: A 2.0, B 2.0"), report);
    }

    /** A spoken question answered, then a question spoken over the answer (barge-in) and answered. */
    private static String voiceTurns(String url) throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(url)) {
            String variant = c.expect("session.created").at("/session/parley/variant").asText();
            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":{\"input\":"
                    + "{\"turn_detection\":{\"type\":\"server_vad\",\"silence_duration_ms\":500}}}}}");
            c.expect("session.updated");
            speak(c, EngineOverSocketTest.speech("weather-slt.wav", 300, 1200));
            assertEquals("completed", c.await("response.done").at("/response/status").asText());
            speak(c, EngineOverSocketTest.speech("joke-slt.wav", 300, 1200));
            c.await("response.output_audio.delta");
            speak(c, EngineOverSocketTest.speech("weather-slt.wav", 200, 1200));
            JsonNode cut = c.await("response.done");
            assertEquals("turn_detected", cut.at("/response/status_details/reason").asText(), cut.toString());
            assertEquals("completed", c.await("response.done").at("/response/status").asText());
            c.await("parley.response.timing");
            return variant;
        }
    }

    private static void speak(RealtimeTestClient c, byte[] pcm) {
        for (int off = 0; off < pcm.length; off += 4800) {
            byte[] piece = java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + 4800));
            c.send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + java.util.Base64.getEncoder().encodeToString(piece) + "\"}");
        }
    }

    /** What a test does with a running {@code parley serve}. */
    private interface WithServer {
        void run(String url) throws Exception;
    }

    /** Runs {@code parley serve} on {@code yaml} in-process, hands its URL to {@code body}, then drains it. */
    private void serve(Path yaml, Path plugins, WithServer body) throws Exception {
        String previousHome = System.getProperty(PluginsDirectory.HOME_PROPERTY);
        System.setProperty(PluginsDirectory.HOME_PROPERTY, home.toString());
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> ParleyCli.run(
                new PrintWriter(serveOut, true), new PrintWriter(serveErr, true), "serve", "--port", "0",
                "--pipeline", yaml.toString(), "--plugins-dir", plugins.toString(), "--admin-key", "adm",
                "--max-sessions", "12"), // above serve's 1-per-core default, which a 1-core runner would hit
                // its own thread: serve blocks until drained, and on 2 cores the common pool has one thread,
                // which the JDK's WebSocket client needs
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!serveOut.toString().contains("\n") && !serve.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String line = serveOut.toString().lines().findFirst().orElse(null);
            assertNotNull(line, () -> "serve printed no listening line; stderr: " + serveErr);
            String url = line.substring(line.indexOf("ws://"));
            body.run(url);
            String base = url.replace("ws://", "http://").replace("/v1/realtime", "");
            HttpResponse<String> drain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/v1/parley/drain")).header("Authorization", "Bearer adm")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, drain.statusCode(), drain.body());
            assertEquals(0, serve.get(30, TimeUnit.SECONDS));
        } finally {
            if (previousHome == null) {
                System.clearProperty(PluginsDirectory.HOME_PROPERTY);
            } else {
                System.setProperty(PluginsDirectory.HOME_PROPERTY, previousHome);
            }
        }
    }

    /** Opens a session, holds {@code turns} typed turns to completion, returns the variant it was served. */
    private static String textTurns(String url, int turns) throws Exception {
        try (RealtimeTestClient c = RealtimeTestClient.connect(url)) {
            String variant = c.expect("session.created").at("/session/parley/variant").asText();
            for (int i = 0; i < turns; i++) {
                c.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":"
                        + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is two plus three?\"}]}}");
                c.send("{\"type\":\"response.create\"}");
                assertEquals("completed", c.await("response.done").at("/response/status").asText());
            }
            return variant;
        }
    }
}
