package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) for browser tests: a throw-away profile, remote debugging
 * on a free loopback port (read from the profile's {@code DevToolsActivePort}), media permission granted, and —
 * when a WAV is given — a fake microphone that plays that file in a loop. Host candidates are real addresses, not
 * mDNS names, which the server's libwebrtc could not resolve. {@link #close} kills the browser and its children.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final Path stderr;
    private final int devToolsPort;

    private HeadlessChromium(Process process, Path profile, Path stderr) throws Exception {
        this.process = process;
        this.profile = profile;
        this.stderr = stderr;
        this.devToolsPort = readDevToolsPort();
    }

    /**
     * Starts Chromium on {@code url}; {@code microphone} (a WAV, or null for none) is the fake capture device. Its
     * stdout and stderr go to {@code logDir}/chromium.{out,err}.
     */
    public static HeadlessChromium open(String url, Path microphone, Path logDir) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " missing: ./parley prereqs (scripts/prereqs.d/chromium.sh)");
        }
        Files.createDirectories(logDir);
        Path profile = Files.createTempDirectory("parley-chromium-");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0"));
        if (microphone != null) {
            cmd.add("--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath());
        }
        cmd.add(url);
        Path err = logDir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(logDir.resolve("chromium.out").toFile())
                .redirectError(err.toFile()).start();
        try {
            return new HeadlessChromium(p, profile, err);
        } catch (Exception | AssertionError e) {
            kill(p);
            deleteTree(profile);
            throw e;
        }
    }

    /** Attaches a DevTools client to the page whose URL starts with {@code urlPrefix}, once it has loaded. */
    public DevToolsPage page(String urlPrefix) throws Exception {
        return DevToolsPage.attach(devToolsPort, urlPrefix);
    }

    public int devToolsPort() {
        return devToolsPort;
    }

    /** The last 4000 characters Chromium wrote to stderr, for failure messages. */
    public String stderrTail() {
        try {
            String s = Files.exists(stderr) ? Files.readString(stderr) : "";
            return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private int readDevToolsPort() throws Exception {
        Path active = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(active); i++) {
            Thread.sleep(100);
            if (!process.isAlive()) {
                throw new AssertionError("chromium exited " + process.exitValue() + ": " + stderrTail());
            }
        }
        List<String> lines = Files.exists(active) ? Files.readAllLines(active) : List.of();
        if (lines.isEmpty()) {
            throw new AssertionError("chromium wrote no DevToolsActivePort in 30 s: " + stderrTail());
        }
        return Integer.parseInt(lines.get(0).trim());
    }

    @Override
    public void close() throws IOException {
        kill(process);
        deleteTree(profile);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
