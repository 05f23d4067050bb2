package dev.parley.plugins.langchain4j.openai;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmEngine;
import dev.parley.api.llm.LlmException.Kind;
import dev.parley.plugins.langchain4j.LocalOpenAiServer;
import dev.parley.testkit.RecordingLlmListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static dev.parley.plugins.langchain4j.openai.OpenAiTestSupport.SECRET;
import static dev.parley.plugins.langchain4j.openai.OpenAiTestSupport.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure class the issue names, as a client would see it: a kind, a clear message, no secret. */
class OpenAiFailureTest {
    private LocalOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LocalOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordingLlmListener run(LlmEngine engine) throws InterruptedException {
        try (engine) {
            RecordingLlmListener l = new RecordingLlmListener();
            engine.stream(ask("Hello"), l);
            l.await();
            assertNotNull(l.error, () -> "expected a failure, got " + l.events);
            assertTrue(l.deltas.isEmpty());
            assertFalse(l.error.getMessage().contains(SECRET), l.error.getMessage());
            System.out.printf("%-20s %s%n", l.error.kind(), l.error.getMessage());
            return l;
        }
    }

    private RecordingLlmListener failWith(int status, String body) throws InterruptedException {
        server.script((exchange, sse) -> sse.status(status, body));
        return run(OpenAiTestSupport.engine(server.baseUrl()));
    }

    @Test
    void unauthorizedIsAuthenticationWithoutLeakingTheKey() throws Exception {
        RecordingLlmListener l = failWith(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET
                + ". You can find your API key in your account.\",\"type\":\"invalid_request_error\"}}");
        assertEquals(Kind.AUTHENTICATION, l.error.kind());
        assertTrue(l.error.getMessage().contains("HTTP 401") && l.error.getMessage().contains("OPENAI_API_KEY"));
        assertTrue(l.error.getMessage().contains("[redacted]"));
        assertEquals(Kind.AUTHENTICATION, failWith(403, "{\"error\":{\"message\":\"forbidden\"}}").error.kind());
    }

    @Test
    void tooManyRequestsIsRateLimited() throws Exception {
        RecordingLlmListener l = failWith(429, "{\"error\":{\"message\":\"Rate limit reached for requests\"}}");
        assertEquals(Kind.RATE_LIMITED, l.error.kind());
        assertTrue(l.error.getMessage().contains("Rate limit reached"), l.error.getMessage());
    }

    @Test
    void badRequestIsInvalidRequest() throws Exception {
        RecordingLlmListener l = failWith(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192"
                + " tokens.\"}}");
        assertEquals(Kind.INVALID_REQUEST, l.error.kind());
        assertTrue(l.error.getMessage().contains("maximum context length"), l.error.getMessage());
    }

    @Test
    void noFirstTokenInTimeIsTimeout() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            Thread.sleep(3000); // headers sent, then silence
        });
        RecordingLlmListener l = run(OpenAiTestSupport.engine(server.baseUrl(), Duration.ofMillis(300), 0));
        assertEquals(Kind.TIMEOUT, l.error.kind());
        assertTrue(l.error.getMessage().contains("300 ms"), l.error.getMessage());
    }

    @Test
    void noResponseHeadersInTimeIsTimeout() throws Exception {
        server.script((exchange, sse) -> Thread.sleep(3000));
        RecordingLlmListener l = run(OpenAiTestSupport.engine(server.baseUrl(), Duration.ofMillis(300), 0));
        assertEquals(Kind.TIMEOUT, l.error.kind());
    }

    @Test
    void stallMidStreamIsTimeout() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            sse.text("Half an ans");
            Thread.sleep(3000);
        });
        try (LlmEngine engine = OpenAiTestSupport.engine(server.baseUrl(), Duration.ofMillis(300), 0)) {
            RecordingLlmListener l = new RecordingLlmListener();
            engine.stream(ask("Hello"), l);
            l.await();
            assertEquals("Half an ans", l.text());
            assertEquals(Kind.TIMEOUT, l.error.kind());
        }
    }

    @Test
    void refusedConnectionIsConnection() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        RecordingLlmListener l = run(OpenAiTestSupport.engine("http://127.0.0.1:" + freePort + "/v1"));
        assertEquals(Kind.CONNECTION, l.error.kind());
        assertTrue(l.error.getMessage().contains("127.0.0.1:" + freePort), l.error.getMessage());
    }

    @Test
    void invalidJsonInTheStreamIsMalformed() throws Exception {
        server.script((exchange, sse) -> {
            sse.open();
            sse.data("{\"choices\":[{\"delta\":{\"content\":\"Hi\"");
            sse.data("this is not json");
            sse.finish("stop");
        });
        RecordingLlmListener l = run(OpenAiTestSupport.engine(server.baseUrl()));
        assertEquals(Kind.MALFORMED_RESPONSE, l.error.kind());
    }

    @Test
    void aPageInsteadOfAStreamIsMalformed() throws Exception {
        server.script((exchange, sse) -> {
            byte[] page = "<html><body>Welcome to nginx!</body></html>".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        });
        RecordingLlmListener l = run(OpenAiTestSupport.engine(server.baseUrl()));
        assertEquals(Kind.MALFORMED_RESPONSE, l.error.kind());
    }

    @Test
    void retriesARateLimitWhenNothingWasSaidYet() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.script((exchange, sse) -> {
            if (calls.incrementAndGet() == 1) {
                sse.status(429, "{\"error\":{\"message\":\"slow down\"}}");
                return;
            }
            sse.open();
            sse.text("Second time lucky");
            sse.finish("stop");
        });
        try (LlmEngine engine = OpenAiTestSupport.engine(server.baseUrl(), Duration.ofSeconds(5), 1)) {
            RecordingLlmListener l = new RecordingLlmListener();
            engine.stream(ask("Hello"), l);
            l.await();
            assertEquals("Second time lucky", l.text());
            assertEquals(FinishReason.STOP, l.reason);
            assertEquals(2, server.requestBodies.size());
        }
    }

    @Test
    void retriesAStalledFirstAttemptWithAFreshTimeout() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.script((exchange, sse) -> {
            sse.open();
            if (calls.incrementAndGet() == 1) {
                Thread.sleep(3000); // stalls: the idle timeout fires, nothing was said, so it retries
                return;
            }
            sse.text("Recovered");
            sse.finish("stop");
        });
        try (LlmEngine engine = OpenAiTestSupport.engine(server.baseUrl(), Duration.ofMillis(300), 1)) {
            RecordingLlmListener l = new RecordingLlmListener();
            engine.stream(ask("Hello"), l);
            l.await();
            assertEquals("Recovered", l.text(), () -> l.events + " " + l.error);
            assertEquals(2, calls.get());
        }
    }

    @Test
    void theEngineKeepsWorkingAfterAFailure() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.script((exchange, sse) -> {
            if (calls.incrementAndGet() == 1) {
                sse.status(500, "{\"error\":{\"message\":\"boom\"}}");
                return;
            }
            sse.open();
            sse.text("Fine now");
            sse.finish("stop");
        });
        try (LlmEngine engine = OpenAiTestSupport.engine(server.baseUrl())) {
            RecordingLlmListener failed = new RecordingLlmListener();
            engine.stream(ask("Hello"), failed);
            assertEquals(Kind.OTHER, failed.await().error.kind());
            RecordingLlmListener ok = new RecordingLlmListener();
            engine.stream(ask("Hello again"), ok);
            assertEquals("Fine now", ok.await().text());
        }
    }
}
