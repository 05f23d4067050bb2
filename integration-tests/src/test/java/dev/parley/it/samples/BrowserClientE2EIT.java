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
 * samples/browser-client in Debian's headless Chromium against {@code parley serve --api-key}: the page is served
 * from a loopback HTTP server (a secure context, so getUserMedia and AudioWorklet work), its microphone is
 * Chromium's fake capture device playing a recorded question, and the key travels as the
 * {@code openai-insecure-api-key.} subprotocol (the server refuses the session without it). The test drives the
 * page over the DevTools port: it awaits {@code window.parleyTurn}, the summary the page resolves after the first
 * answer, with the answer audio the page recorded from the deltas it played.
 */
class BrowserClientE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--api-key", SharedServe.API_KEY);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String KEY = SharedServe.API_KEY;
    private static final String QUESTION = "weather-slt.wav";
    /** The bound the end-to-end scenarios hold the recogniser to (ScenarioChecks.MAX_WER). */
    private static final double MAX_WER = 0.34;
    private static final String PAGE_LOG = "document.getElementById('log').innerText";

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
    void browserPageHoldsASpokenTurnFromTheMicrophoneAndRecordsTheAnswer() throws Exception {
        ParleyServeProcess server = serve();
        Path out = outputDir();
        JsonNode turn;
        try (DevToolsPage tab = openPage(server, KEY)) {
            String json = tab.evaluate("window.parleyTurn.then(JSON.stringify)", 120).asText();
            turn = SpokenAnswer.JSON.readTree(json);
            System.out.println("browser-client page log: " + tab.evaluate(PAGE_LOG, 10));
        } catch (Exception | AssertionError e) {
            throw failure(e, server);
        }
        Path answer = out.resolve("browser-answer.wav");
        Files.write(answer, Base64.getDecoder().decode(turn.path("answerWav").asText()));
        ObjectNode summary = ((ObjectNode) turn).without("answerWav");
        assertEquals(0, summary.path("errors").size(), "the page saw errors: " + summary);
        SpokenAnswer.assertTurn("browser-client", summary, answer, "weather");
        String reference = reference(QUESTION);
        double wer = WordErrorRate.of(reference, summary.path("heard").asText());
        System.out.printf("browser-client: heard \"%s\" for \"%s\", WER %.2f%n", summary.path("heard").asText(),
                reference, wer);
        assertTrue(wer <= MAX_WER, "browser-client: WER " + wer + " > " + MAX_WER + ": " + summary);
    }

    /** The key really travels in the subprotocol: with a wrong one the page shows the server's refusal. */
    @Test
    void browserPageShowsTheRefusalOfAWrongKey() throws Exception {
        ParleyServeProcess server = serve();
        String shown;
        try (DevToolsPage tab = openPage(server, "sk-wrong")) {
            shown = tab.evaluate("new Promise(done => { const t = setInterval(() => {"
                    + " const s = document.getElementById('status').textContent;"
                    + " if (s.startsWith('closed')) { clearInterval(t); done(s + '\\n' + " + PAGE_LOG + "); } }, 100); })",
                    60).asText();
        } catch (Exception | AssertionError e) {
            throw failure(e, server);
        }
        System.out.println("browser-client with a wrong key: " + shown);
        assertTrue(shown.startsWith("closed (3000"), shown);
        assertTrue(shown.contains("server error: invalid_api_key: Incorrect API key provided."), shown);
    }

    private ParleyServeProcess serve() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " missing: ./parley prereqs (scripts/prereqs.d/chromium.sh)");
        return SERVE.server();
    }

    private static Path outputDir() throws Exception {
        return Files.createDirectories(RepoPaths.root().resolve("integration-tests/target/sample-clients"));
    }

    /**
     * Serves samples/browser-client on a loopback port and opens it in headless Chromium with the fake microphone,
     * {@code autostart=1} and the given key; returns the DevTools connection to that page.
     */
    private DevToolsPage openPage(ParleyServeProcess server, String key) throws Exception {
        Path out = outputDir();
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0),
                RepoPaths.root().resolve("samples/browser-client").toAbsolutePath(), SimpleFileServer.OutputLevel.NONE);
        pages.start();
        opened.add(() -> pages.stop(0));

        // Chromium loops the capture file: the question after half a second, then silence long enough for the answer.
        Path microphone = out.resolve("browser-microphone.wav");
        Commands.run(out, Map.of(), 60, List.of("sox", SpokenAnswer.question(QUESTION).toString(),
                "-b", "16", "-c", "1", microphone.toString(), "pad", "0.5", "40"));

        String page = "http://127.0.0.1:" + pages.getAddress().getPort() + "/index.html";
        String url = page + "?autostart=1&key=" + key + "&url=" + server.url();
        profile = Files.createTempDirectory("parley-chromium-");
        chromiumErr = out.resolve("chromium.err");
        chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + microphone,
                "--autoplay-policy=no-user-gesture-required", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", url)
                .redirectOutput(out.resolve("chromium.out").toFile())
                .redirectError(chromiumErr.toFile()).start();
        return DevToolsPage.attach(devToolsPort(), page);
    }

    private AssertionError failure(Throwable e, ParleyServeProcess server) throws Exception {
        return new AssertionError("the browser turn failed: " + e + "\nserver output:\n" + server.recentOutput()
                + "\nchromium stderr:\n" + tail(chromiumErr), e);
    }

    /** The fixture's words, from testdata/speech/transcripts.tsv. */
    private static String reference(String fixture) throws Exception {
        try (Stream<String> lines = Files.lines(RepoPaths.root().resolve("testdata/speech/transcripts.tsv"))) {
            return lines.map(l -> l.split("\t", 2)).filter(f -> f[0].equals(fixture)).map(f -> f[1]).findFirst()
                    .orElseThrow(() -> new AssertionError(fixture + " not in transcripts.tsv"));
        }
    }

    /** The port Chromium chose, from the DevToolsActivePort file it writes into its profile. */
    private int devToolsPort() throws Exception {
        Path active = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(active); i++) {
            Thread.sleep(100);
            if (!chromium.isAlive()) {
                throw new AssertionError("chromium exited " + chromium.exitValue());
            }
        }
        List<String> lines = Files.readAllLines(active);
        return Integer.parseInt(lines.get(0).trim());
    }

    private static String tail(Path file) throws Exception {
        String s = Files.exists(file) ? Files.readString(file) : "";
        return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
    }
}
