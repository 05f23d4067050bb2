package dev.parley.runtime.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The playground's static files over real HTTP against a real server. Requests are written by hand on a socket so
 * that traversal paths reach the server exactly as sent (an HTTP client library would normalise them).
 */
class PlaygroundHttpTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(TestServer.options(List.of("sk-playground")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The status line, the headers (lower-cased names) and the body of one raw request. */
    private record Reply(int status, String headers, String body) {
        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase().startsWith(name + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
        }
    }

    private static Reply request(String method, String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            return new Reply(Integer.parseInt(head.split(" ")[1]), head, all.substring(split + 4));
        }
    }

    @Test
    void theRootIsThePlaygroundPageWithoutAKey() throws Exception {
        Reply r = request("GET", "/");
        assertEquals(200, r.status(), r.headers());
        assertEquals("text/html; charset=utf-8", r.header("content-type"));
        assertEquals("nosniff", r.header("x-content-type-options"));
        assertTrue(r.body().contains("<title>Parley playground</title>"), r.body());
        assertTrue(r.body().contains("src=\"/playground/playground.js\""), "loads its script from Parley itself");
        assertFalse(r.body().matches("(?s).*src=\"https?://.*"), "no script from another host (no CDN)");
        assertEquals(r.body().getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(r.header("content-length")));
        assertEquals(200, request("GET", "/?key=x&transport=websocket").status(), "a query does not change the path");
    }

    @Test
    void assetsHaveTheirContentTypes() throws Exception {
        for (String[] f : new String[][] {{"playground.js", "text/javascript; charset=utf-8", "connectWebRtc"},
                {"transports.js", "text/javascript; charset=utf-8", "oai-events"},
                {"playground.css", "text/css; charset=utf-8", ".bar"},
                {"index.html", "text/html; charset=utf-8", "Latency per response"}}) {
            Reply r = request("GET", "/playground/" + f[0]);
            assertEquals(200, r.status(), f[0] + ": " + r.headers());
            assertEquals(f[1], r.header("content-type"), f[0]);
            assertTrue(r.body().contains(f[2]), f[0] + " is the file: " + r.body());
        }
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        Reply r = request("HEAD", "/playground/playground.css");
        assertEquals(200, r.status(), r.headers());
        assertEquals("text/css; charset=utf-8", r.header("content-type"));
        assertEquals("", r.body());
    }

    @Test
    void unknownPathsAndMethodsAre404() throws Exception {
        for (String[] req : new String[][] {{"GET", "/nothing-here"}, {"GET", "/playground/missing.js"},
                {"GET", "/playground/playground.exe"}, {"POST", "/"}, {"DELETE", "/playground/playground.js"}}) {
            Reply r = request(req[0], req[1]);
            assertEquals(404, r.status(), req[0] + " " + req[1] + ": " + r.headers());
            assertTrue(r.body().contains("\"not_found\""), r.body());
        }
    }

    @Test
    void noPathClimbsOutOfThePlaygroundFolder() throws Exception {
        for (String path : List.of("/playground/../dev/parley/runtime/server/PlaygroundHttpHandler.class",
                "/playground/..%2Fplayground%2Findex.html", "/playground/%2e%2e/logback.xml",
                "/playground/../../../../etc/passwd", "/playground//etc/passwd", "/playground/..",
                "/playground/sub/index.html", "/playground/.hidden.js", "/playground/index.html%00.js",
                "/playground/..\\index.html", "/../playground/index.html")) {
            Reply r = request("GET", path);
            assertEquals(404, r.status(), path + " must not be served: " + r.headers() + "\n" + r.body());
        }
    }

    @Test
    void theOtherEndpointsStillAnswer() throws Exception {
        assertEquals(200, request("GET", "/healthz").status());
        assertEquals(426, request("GET", "/v1/realtime").status(), "the WebSocket endpoint asks for the upgrade");
        assertEquals(401, request("POST", "/v1/realtime/calls").status(), "the calls endpoint wants its key");
    }
}
