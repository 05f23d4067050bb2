package dev.parley.it.e2e;

import dev.parley.it.RepoPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parley serve} as a user starts it: a separate JVM running the runnable runtime jar with
 * {@code -Dparley.home=<repo>} (the same command line as {@code ./parley serve}), on 127.0.0.1 and a free port.
 * In: extra serve arguments ({@code --tls-self-signed}, {@code --api-key K}). Out: the URL from its listening
 * line, the self-signed certificate it printed, and its recent output for failure messages. Closing it stops the
 * process (SIGTERM, so its shutdown hook runs; forcibly after 10 s).
 */
public final class ParleyServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Parley listening on (wss?://127\\.0\\.0\\.1:(\\d+)/v1/realtime)");
    private static final Pattern CERTIFICATE = Pattern.compile("Self-signed certificate \\(trust it in clients\\): (\\S+)");
    private static final Pattern GRPC = Pattern.compile("Parley gRPC on https?://127\\.0\\.0\\.1:(\\d+) ");
    private static final int START_SECONDS = 180; // MaryTTS alone took 38 s on the shared 2 cores at load 16
    /** The session cap the tests' servers run with unless a test passes its own {@code --max-sessions}. */
    static final int TEST_MAX_SESSIONS = 12;

    private final Process process;
    /** Stops the server if the test JVM ends without closing it (a killed or timed-out test run). */
    private final Thread reaper;
    private final Deque<String> recent = new ArrayDeque<>();
    private final CompletableFuture<Matcher> listening = new CompletableFuture<>();
    private final CompletableFuture<Path> certificate = new CompletableFuture<>();
    private final CompletableFuture<Integer> grpcPort = new CompletableFuture<>();

    private ParleyServeProcess(List<String> serveArgs) throws IOException {
        Path root = RepoPaths.root();
        Path jar = root.resolve("framework-runtime/target/parley-runtime.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./parley test (or mvn -pl integration-tests -am verify)");
        }
        RepoPaths.plugins();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dparley.home=" + root, "-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", "0"));
        if (!serveArgs.contains("--max-sessions")) {
            // serve's default is 1 per core (2 here); tests open more sessions than that, so keep the old cap
            command.addAll(List.of("--max-sessions", String.valueOf(TEST_MAX_SESSIONS)));
        }
        command.addAll(serveArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        // The offline default pipeline: no remote LLM even when the developer's shell has one configured.
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("PARLEY_LLM_BASE_URL");
        pb.environment().remove("PARLEY_API_KEYS");
        process = pb.start();
        reaper = new Thread(process::destroyForcibly, "parley-serve-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        process.getOutputStream().close();
        pump(process.getInputStream(), "out");
        pump(process.getErrorStream(), "err");
    }

    /** Starts the server and waits (bounded) until it prints its listening line. */
    public static ParleyServeProcess start(String... serveArgs) throws Exception {
        ParleyServeProcess p = new ParleyServeProcess(List.of(serveArgs));
        try {
            p.listening.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            p.close();
            throw new AssertionError("parley serve printed no listening line within " + START_SECONDS + " s:\n"
                    + p.recentOutput());
        } catch (Exception e) {
            p.close();
            throw new AssertionError("parley serve did not start: " + e.getMessage() + "\n" + p.recentOutput(), e);
        }
        return p;
    }

    /** {@code ws://127.0.0.1:PORT/v1/realtime} or {@code wss://…}, as printed. */
    public String url() {
        return listening.join().group(1);
    }

    public int port() {
        return Integer.parseInt(listening.join().group(2));
    }

    /**
     * The PEM of the self-signed certificate ({@code --tls-self-signed}), which clients must trust. It is logged
     * on stderr, the listening line on stdout, so it may be read a moment after start returned.
     */
    public Path certificate() throws Exception {
        try {
            return certificate.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("parley serve logged no self-signed certificate:\n" + recentOutput());
        }
    }

    /** The gRPC port ({@code --grpc-port}), as printed right after the listening line. */
    public int grpcPort() throws Exception {
        try {
            return grpcPort.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("parley serve printed no gRPC line:\n" + recentOutput());
        }
    }

    /** The last lines the server printed, for assertion messages. */
    public synchronized String recentOutput() {
        return String.join("\n", recent);
    }

    private void pump(InputStream in, String stream) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    remember(stream + ": " + line);
                    Matcher cert = CERTIFICATE.matcher(line);
                    if (cert.find()) {
                        certificate.complete(Path.of(cert.group(1)));
                    }
                    Matcher grpc = GRPC.matcher(line);
                    if (grpc.find()) {
                        grpcPort.complete(Integer.parseInt(grpc.group(1)));
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m);
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
            if (stream.equals("out")) {
                listening.completeExceptionally(new IllegalStateException("parley serve exited"));
            }
        }, "parley-serve-" + stream);
        t.setDaemon(true);
        t.start();
    }

    private synchronized void remember(String line) {
        recent.addLast(line);
        while (recent.size() > 200) {
            recent.removeFirst();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: it stops the process too
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
