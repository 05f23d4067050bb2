package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 over real sockets: unfinished upgrades time out, invalid UTF-8 is refused with 1007, failed logins
 * and handshake floods get HTTP 429, and the missing-key message offers only what works.
 */
class HandshakeLimitsTest {
    @Test
    void silentAndPartialHandshakesAreClosedWithinTheTimeout() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withHandshake(Duration.ofMillis(500), 0, 1);
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")).withLimits(limits))) {
            int port = server.server.port();
            List<Socket> sockets = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                Socket s = RawWebSocket.socket(port, 0);
                s.setSoTimeout(5000);
                if (i % 2 == 1) { // partial headers, never finished
                    s.getOutputStream().write(("GET /v1/realtime HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: "
                            + "websocket\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                sockets.add(s);
            }
            long slowest = 0;
            for (Socket s : sockets) {
                assertEquals(-1, readToEnd(s), "the server closes the socket");
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                s.close();
            }
            System.out.printf("handshake timeout: 60 unfinished handshakes (30 silent, 30 partial) all closed by "
                    + "%d ms (timeout 500 ms)%n", slowest);
            assertTrue(slowest < 2500, "closed within the bound: " + slowest + " ms");
            assertEquals(60, server.server.counters().handshakeTimeouts.sum());
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url(),
                    Map.of("Authorization", "Bearer sk-good"), List.of())) {
                c.expect("session.created"); // and a real client still gets in, and is not cut at 500 ms
                Thread.sleep(800);
                c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
                c.expect("session.updated");
            }
        }
    }

    @Test
    void invalidUtf8TextFrameGetsAnErrorThenClose1007() throws Exception {
        try (TestServer server = new TestServer();
             RawWebSocket ws = RawWebSocket.connect(server.server.port())) {
            assertEquals(101, ws.status);
            ws.awaitEvent("session.created");
            byte[] bad = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"xx\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            int at = new String(bad, StandardCharsets.UTF_8).indexOf("xx");
            bad[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
            bad[at + 1] = (byte) 0x28;
            long start = System.nanoTime();
            ws.send(0x1, bad);
            RawWebSocket.Frame err = ws.awaitEvent("error");
            assertTrue(err.text().contains("\"code\":\"invalid_utf8\""), err.text());
            RawWebSocket.Frame close = ws.next();
            assertEquals(0x8, close.opcode());
            assertEquals(1007, close.closeCode());
            System.out.printf("invalid UTF-8: error + close 1007 after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertEquals(1, server.server.counters().invalidUtf8.sum());
        }
    }

    @Test
    void failedLoginsFromOneAddressAreThrottledWith429() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withFailedAuth(5, Duration.ofSeconds(60));
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")).withLimits(limits))) {
            int port = server.server.port();
            for (int i = 0; i < 5; i++) {
                try (RawWebSocket ws = RawWebSocket.connect(port, "/v1/realtime",
                        Map.of("Authorization", "Bearer sk-wrong-" + i), 0)) {
                    assertEquals(101, ws.status);
                    assertTrue(ws.awaitEvent("error").text().contains("invalid_api_key"));
                    assertEquals(3000, ws.next().closeCode());
                }
            }
            long start = System.nanoTime();
            int throttled = 0;
            for (int i = 0; i < 200; i++) {
                try (RawWebSocket ws = RawWebSocket.connect(port, "/v1/realtime",
                        Map.of("Authorization", "Bearer sk-good"), 0)) { // even the right key, for the window
                    assertEquals(429, ws.status, ws.head);
                    assertTrue(ws.head.toLowerCase().contains("retry-after:"), ws.head);
                    throttled++;
                }
            }
            System.out.printf("failed logins: 5 refused with 3000, then 200 handshakes answered 429 in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(200, throttled);
            assertEquals(5, server.server.counters().failedLogins.sum());
            assertEquals(200, server.server.counters().throttled.sum());
        }
    }

    @Test
    void handshakeFloodFromOneAddressGets429() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withHandshake(Duration.ofSeconds(10), 1, 3);
        try (TestServer server = new TestServer(TestServer.options(List.of()).withLimits(limits))) {
            int statuses101 = 0;
            int statuses429 = 0;
            for (int i = 0; i < 6; i++) {
                try (RawWebSocket ws = RawWebSocket.connect(server.server.port())) {
                    if (ws.status == 101) {
                        statuses101++;
                    } else if (ws.status == 429) {
                        statuses429++;
                    }
                }
            }
            assertEquals(3, statuses101, "the burst");
            assertEquals(3, statuses429, "beyond the burst at 1/s");
        }
    }

    @Test
    void missingKeyMessageOffersOnlyBearerSubprotocolOrQuery() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of("sk-good")));
             RawWebSocket ws = RawWebSocket.connect(server.server.port())) {
            String err = ws.awaitEvent("error").text();
            assertFalse(err.toLowerCase().contains("basic"), err);
            assertTrue(err.contains("bearer") && err.contains("openai-insecure-api-key."), err);
            assertEquals(3000, ws.next().closeCode());
        }
    }

    private static int readToEnd(Socket s) throws IOException {
        try {
            int r;
            while ((r = s.getInputStream().read()) >= 0) {
                // discard anything (nothing is expected)
            }
            return r;
        } catch (java.net.SocketException reset) {
            return -1; // closed with a reset: freed as well
        }
    }
}
