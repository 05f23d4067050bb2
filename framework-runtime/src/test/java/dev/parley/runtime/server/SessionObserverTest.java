package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.routing.RoutingException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Experiment metrics hooks: turns (with voice TTFA), barge-ins, failures; unroutable sessions are refused. */
class SessionObserverTest {
    final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
    final SessionObserver observer = new SessionObserver() {
        @Override
        public void turn(String pipeline, String variant, double ttfaMs) {
            seen.add("turn " + pipeline + "/" + variant + " " + (Double.isNaN(ttfaMs) ? "NaN" : "timed"));
        }

        @Override
        public void bargeIn(String pipeline, String variant) {
            seen.add("barge-in " + variant);
        }

        @Override
        public void error(String pipeline, String variant, String code) {
            seen.add("error " + code);
        }
    };

    private String next() throws InterruptedException {
        String s = seen.poll(5, TimeUnit.SECONDS);
        return s == null ? "<nothing>" : s;
    }

    @Test
    void turnsBargeInsAndFailuresAreObserved() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of()), r -> TestServer.PIPELINE, observer);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url())) {
            c.expect("session.created");
            ScriptedEngineFactory.ScriptedEngine engine = server.engines.awaitEngine();
            engine.fire(l -> l.speechStarted(1, 0));
            engine.fire(l -> l.speechStopped(1, 600, engine.audio(1, 0, 600)));
            engine.fire(l -> l.transcriptCompleted(1, "hi"));
            c.await("response.done");
            assertEquals("turn test/A timed", next());
            c.send(TextTurnConformanceTest.USER_TEXT);
            c.send(TextTurnConformanceTest.TEXT_RESPONSE);
            c.await("response.done");
            assertEquals("turn test/A NaN", next(), "text turns are counted, not timed");
            server.engines.script = spec -> List.of(new Step.Hang());
            c.send("{\"type\":\"response.create\"}");
            c.await("response.created");
            engine.fire(l -> l.speechStarted(2, 1000));
            c.await("response.done");
            assertEquals("barge-in A", next());
            server.engines.script = spec -> List.of(new Step.Fail("tts_timeout", "TTS hung"));
            c.send("{\"type\":\"response.create\"}");
            c.await("response.done");
            assertEquals("error tts_timeout", next());
        }
    }

    @Test
    void unknownForcedVariantIsRefusedWithClose4000() throws Exception {
        try (TestServer server = new TestServer(TestServer.options(List.of()), r -> {
            throw new RoutingException("Unknown variant 'Z'; variants are: A, B");
        }, observer);
             RealtimeTestClient c = RealtimeTestClient.connect(server.url() + "&variant=Z")) {
            JsonNode err = c.expect("error").path("error");
            assertEquals("invalid_variant", err.path("code").asText());
            assertTrue(err.path("message").asText().contains("A, B"));
            assertEquals(4000, c.awaitClose().code());
        }
    }
}
