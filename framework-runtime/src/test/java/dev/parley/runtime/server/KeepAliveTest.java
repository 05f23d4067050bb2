package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server pings on its interval; a connection that sends nothing for the idle timeout is closed (1001); a
 * client sending faster than its session handles is slowed down, losing nothing.
 */
class KeepAliveTest {
    @Test
    void serverPingsOnItsInterval() throws Exception {
        ServerOptions o = TestServer.options(List.of()).withTimings(Duration.ofMillis(150), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            Thread.sleep(700);
            assertTrue(c.pings.get() >= 2, "pings received: " + c.pings.get());
            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
            c.expect("session.updated");
        }
    }

    @Test
    void fastSenderIsThrottledWithoutLosingFrames() throws Exception {
        try (TestServer server = new TestServer()) {
            server.engines.appendDelayMs = 2;
            try (RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
                c.expect("session.created");
                String chunk = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[480]) + "\"}";
                for (int i = 0; i < 600; i++) {
                    c.send(chunk);
                }
                c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}");
                c.expect("session.updated");
                assertEquals(600 * 480, server.engines.awaitEngine().appendedBytes);
            }
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ServerOptions o = TestServer.options(List.of()).withTimings(Duration.ofSeconds(60), Duration.ofMillis(400),
                Duration.ofSeconds(2));
        try (TestServer server = new TestServer(o);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            RealtimeTestClient.Close close = c.awaitClose();
            assertEquals(1001, close.code());
            ScriptedEngineFactory.ScriptedEngine engine = server.engines.awaitEngine();
            for (int i = 0; i < 100 && !engine.closed; i++) {
                Thread.sleep(20);
            }
            assertTrue(engine.closed, "the session's engine is closed with the connection");
        }
    }
}
