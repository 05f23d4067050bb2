package dev.parley.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest Chrome DevTools Protocol client the browser test needs: attaches to the page target of a Chromium
 * started with {@code --remote-debugging-port} and evaluates expressions in it (awaiting promises). Java's own
 * HTTP and WebSocket client; it sends no Origin header, so Chromium needs no {@code --remote-allow-origins}.
 */
public final class DevToolsPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Set once in {@link #attach}: the listener has to exist before the socket does. */
    private WebSocket socket;

    private DevToolsPage() {
    }

    /** Attaches to the first page whose URL starts with {@code urlPrefix}, listed at {@code /json/list}. */
    public static DevToolsPage attach(int port, String urlPrefix) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String wsUrl = null;
        for (int attempt = 0; attempt < 100 && wsUrl == null; attempt++) {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(list.body())) {
                if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith(urlPrefix)) {
                    wsUrl = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (wsUrl == null) {
                Thread.sleep(100);
            }
        }
        if (wsUrl == null) {
            throw new AssertionError("Chromium shows no page at " + urlPrefix);
        }
        DevToolsPage page = new DevToolsPage();
        page.socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), page.listener())
                .get(10, TimeUnit.SECONDS);
        page.awaitLoaded(urlPrefix);
        return page;
    }

    /**
     * Waits until the page's own document has loaded: the target is listed before its document commits, and an
     * evaluation in the initial blank document dies with it ("Execution context was destroyed").
     */
    private void awaitLoaded(String urlPrefix) throws Exception {
        String check = "location.href.startsWith(" + JSON.writeValueAsString(urlPrefix)
                + ") && document.readyState === 'complete'";
        AssertionError last = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                if (evaluate(check, 10).asBoolean()) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page at " + urlPrefix + " did not load", last);
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    reply(text.toString());
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    private void reply(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            CompletableFuture<JsonNode> f = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
            if (f != null) {
                f.complete(m);
            }
        } catch (Exception e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /**
     * {@code Runtime.evaluate} of {@code expression} with {@code awaitPromise}; returns the value (by value), or fails
     * with the page's exception or after {@code timeoutSeconds}.
     */
    public JsonNode evaluate(String expression, int timeoutSeconds) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> command = Map.of("id", id, "method", "Runtime.evaluate", "params",
                Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
        socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
        JsonNode m;
        try {
            m = reply.get(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            pending.remove(id);
        }
        if (m.has("error")) {
            throw new AssertionError("CDP error for " + expression + ": " + m.get("error"));
        }
        JsonNode result = m.path("result");
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Loads {@code url} in this page and waits until its document is complete. */
    public void navigate(String url) throws Exception {
        command("Page.navigate", Map.of("url", url), 30);
        awaitLoaded(url);
    }

    /** A PNG of the page as it is drawn now, written to {@code file}. */
    public Path screenshot(Path file) throws Exception {
        JsonNode shot = command("Page.captureScreenshot", Map.of("format", "png"), 30);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Sets the page's viewport, so screenshots show the whole layout. */
    public void viewport(int width, int height) throws Exception {
        command("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false), 10);
    }

    /** {@code evaluate} as a boolean, polled until true or {@code timeoutSeconds} pass; false then. */
    public boolean waitFor(String condition, int timeoutSeconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < end) {
            if (evaluate("!!(" + condition + ")", 10).asBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private JsonNode command(String method, Map<String, Object> params, int timeoutSeconds) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        JsonNode m;
        try {
            m = reply.get(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            pending.remove(id);
        }
        if (m.has("error")) {
            throw new AssertionError("CDP error for " + method + ": " + m.get("error"));
        }
        return m.path("result");
    }

    @Override
    public void close() {
        socket.abort();
    }
}
