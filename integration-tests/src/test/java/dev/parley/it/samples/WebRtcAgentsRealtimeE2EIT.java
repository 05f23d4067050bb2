package dev.parley.it.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.parley.it.RepoPaths;
import dev.parley.it.e2e.ParleyServeProcess;
import dev.parley.it.e2e.SharedServe;
import dev.parley.testkit.DevToolsPage;
import dev.parley.testkit.WordErrorRate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @openai/agents-realtime} {@code OpenAIRealtimeWebRTC} transport (bundled from npm by
 * esbuild: scripts/prereqs.d/webrtc-page.sh) in Debian's headless Chromium against {@code parley serve}'s
 * {@code POST /v1/realtime/calls}: the SDP offer/answer, the {@code oai-events} data channel, Opus both ways. The
 * page comes from another loopback origin, so the CORS preflight is exercised too. The microphone is Chromium's
 * fake capture device playing a recorded question; the page records the agent's audio from the WebRTC track and
 * the test transcribes it with pocketsphinx to check it speaks the answer.
 */
class WebRtcAgentsRealtimeE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--api-key", SharedServe.API_KEY);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path BUNDLE = Path.of("build/webrtc-page/agents-realtime.bundle.js");
    private static final String KEY = SharedServe.API_KEY;
    private static final String QUESTION = "weather-slt.wav";
    private static final double MAX_WER = 0.34;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Process chromium;
    private Path profile;
    private Path chromiumErr;

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void agentsRealtimeWebRtcTransportHoldsASpokenTurn() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " missing: ./parley prereqs (chromium.sh)");
        Path bundle = RepoPaths.root().resolve(BUNDLE);
        assertTrue(Files.isRegularFile(bundle), bundle + " missing: ./parley prereqs (webrtc-page.sh)");
        ParleyServeProcess server = SERVE.server();
        Path out = Files.createDirectories(RepoPaths.root().resolve("integration-tests/target/webrtc"));
        JsonNode turn;
        Sideband sideband;
        try (DevToolsPage tab = openPage(server, out)) {
            String callId = tab.evaluate("new Promise(done => { const t = setInterval(() => { if (window.parleyCallId)"
                    + " { clearInterval(t); done(window.parleyCallId); } }, 50); })", 60).asText();
            sideband = Sideband.attach(server.url(), KEY, callId);
            opened.add(sideband);
            sideband.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                    + "\"instructions\":\"Set by the sideband.\"}}");
            String json = tab.evaluate("window.parleyTurn.then(JSON.stringify)", 120).asText();
            turn = SpokenAnswer.JSON.readTree(json);
            System.out.println("webrtc page log: " + tab.evaluate("document.getElementById('log').innerText", 10));
        } catch (Exception | AssertionError e) {
            throw new AssertionError("the WebRTC turn failed: " + e + "\nserver output:\n" + server.recentOutput()
                    + "\nchromium stderr:\n" + tail(chromiumErr), e);
        }
        Path answer = out.resolve("webrtc-answer.wav");
        Files.write(answer, Base64.getDecoder().decode(turn.path("answerWav").asText()));
        ObjectNode summary = ((ObjectNode) turn).without("answerWav");
        System.out.println("webrtc summary: " + summary);
        assertEquals(0, summary.path("errors").size(), "the page saw errors: " + summary);
        assertTrue(summary.path("callId").asText().startsWith("rtc_"), "Location names the call: " + summary);
        assertEquals(0, summary.path("audioDeltasOnDataChannel").asInt(), "audio goes on the track: " + summary);
        assertEquals("completed", summary.path("status").asText(), summary.toString());
        assertTrue(summary.path("types").toString().contains("output_audio_buffer.started"), summary.toString());
        String reference = reference(QUESTION);
        double wer = WordErrorRate.of(reference, summary.path("heard").asText());
        System.out.printf("webrtc: heard \"%s\" for \"%s\", WER %.2f%n", summary.path("heard").asText(), reference, wer);
        assertTrue(wer <= MAX_WER, "webrtc: WER " + wer + " > " + MAX_WER + ": " + summary);
        assertTrue(summary.path("answerAudioMs").asLong() > 1000, "recorded answer audio: " + summary);
        double overlap = SpokenAnswer.spokenWordsOverlap(summary.path("answer").asText(), answer);
        System.out.printf("webrtc: %.0f %% of the answer's words recognised in the audio recorded from the track%n",
                100 * overlap);
        assertTrue(overlap >= 0.3, "the track's audio does not speak the answer (" + overlap + "): " + summary);

        // one session, two transports: the backend's update reached the page, the page's turn reached the backend
        JsonNode updated = sideband.await("session.updated", 10);
        assertEquals("Set by the sideband.", updated.at("/session/instructions").asText(), updated.toString());
        assertTrue(summary.path("instructions").toString().contains("Set by the sideband."),
                "the page saw the sideband's update: " + summary.path("instructions"));
        assertTrue(sideband.types().contains("response.done") && sideband.types().contains("output_audio_buffer.started"),
                "the sideband saw the call's events: " + sideband.types());
        System.out.println("webrtc sideband saw: " + sideband.types());

        JsonNode tool = summary.path("tool");
        System.out.println("webrtc tool call: " + tool);
        assertTrue(tool.path("called").asBoolean(), "the model called the tool: " + tool);
        assertEquals("get_weather", tool.path("name").asText(), tool.toString());
        assertEquals("completed", tool.path("status").asText(), tool.toString());
        assertTrue(tool.path("answer").asText().length() > 5, "an answer after the tool output: " + tool);

        JsonNode barge = summary.path("bargeIn");
        System.out.println("webrtc barge-in: " + barge);
        assertEquals(0, barge.path("errors").size(), barge.toString());
        assertEquals(barge.path("responseId").asText(), barge.path("clearedResponseId").asText(), barge.toString());
        assertEquals("cancelled", barge.path("storyStatus").asText(), barge.toString());
        assertTrue(!barge.path("stoppedAfterClear").asBoolean(), "a cleared response is not 'stopped': " + barge);
        long truncated = barge.path("truncatedMs").asLong();
        long played = barge.path("playedByPage").asLong();
        // the server truncates to what its playout sent; the page waited ~1.5 s after 'started' (plus delivery)
        assertTrue(truncated > 500 && truncated < played + 1500, "truncated to the played audio: " + barge);
    }

    private DevToolsPage openPage(ParleyServeProcess server, Path out) throws Exception {
        Path site = Files.createDirectories(out.resolve("site"));
        Path src = RepoPaths.root().resolve("integration-tests/src/test/webrtc");
        for (String f : List.of("agents.html", "agents-page.js")) {
            Files.copy(src.resolve(f), site.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(RepoPaths.root().resolve(BUNDLE), site.resolve("agents-realtime.bundle.js"),
                StandardCopyOption.REPLACE_EXISTING);
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0),
                site.toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        pages.start();
        opened.add(() -> pages.stop(0));
        // The page opens this microphone only once the call is live and the sideband's update is in (agents-page.js),
        // so the lead-in is not a guess at how long a loaded machine takes to connect (a fixed 3 s once was too
        // short and cut the question): 1 s of silence for the VAD, the question, then silence for the answer
        Path microphone = out.resolve("webrtc-microphone.wav");
        Commands.run(out, Map.of(), 60, List.of("sox", SpokenAnswer.question(QUESTION).toString(),
                "-b", "16", "-c", "1", microphone.toString(), "pad", "1", "40"));
        String calls = server.url().replaceFirst("^ws", "http") + "/calls";
        String page = "http://127.0.0.1:" + pages.getAddress().getPort() + "/agents.html";
        String url = page + "?key=" + KEY + "&url=" + calls;
        profile = Files.createTempDirectory("parley-chromium-");
        chromiumErr = out.resolve("chromium.err");
        chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + microphone,
                "--autoplay-policy=no-user-gesture-required",
                // host candidates as IP addresses (not mDNS names libwebrtc on the server cannot resolve)
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", url)
                .redirectOutput(out.resolve("chromium.out").toFile())
                .redirectError(chromiumErr.toFile()).start();
        return DevToolsPage.attach(devToolsPort(), page);
    }

    private static String reference(String fixture) throws Exception {
        try (Stream<String> lines = Files.lines(RepoPaths.root().resolve("testdata/speech/transcripts.tsv"))) {
            return lines.map(l -> l.split("\t", 2)).filter(f -> f[0].equals(fixture)).map(f -> f[1]).findFirst()
                    .orElseThrow(() -> new AssertionError(fixture + " not in transcripts.tsv"));
        }
    }

    private int devToolsPort() throws Exception {
        Path active = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(active); i++) {
            Thread.sleep(100);
            if (!chromium.isAlive()) {
                throw new AssertionError("chromium exited " + chromium.exitValue());
            }
        }
        return Integer.parseInt(Files.readAllLines(active).get(0).trim());
    }

    private static String tail(Path file) throws Exception {
        String s = file != null && Files.exists(file) ? Files.readString(file) : "";
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }
}
