package dev.parley.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.runtime.conversation.ConversationEvent;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.SessionIdentity;
import dev.parley.runtime.realtime.SessionTap;
import org.junit.jupiter.api.Test;

/** What the metrics observer costs per event on the session's actor: an audio chunk is one counter increment. */
class SessionMetricsBenchmark {
    @Test
    void anAudioChunkCostsACounterIncrement() {
        try (ParleyMetrics metrics = new ParleyMetrics()) {
            Pipeline p = new Pipeline("bench", "A", 16000, true, null, null, null, null, null, ComponentConfig.empty());
            SessionTap tap = metrics.open("websocket", new SessionIdentity("sess_1", 0, "bench", "A"), p);
            ConversationEvent chunk = new ConversationEvent.AudioChunk(0, "resp_1", "item_1", 0, new byte[960], 20);
            int n = 2_000_000;
            for (int i = 0; i < n; i++) { // warm-up
                tap.on(chunk);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                tap.on(chunk);
            }
            double ns = (System.nanoTime() - t0) / (double) n;
            System.out.printf("SessionMetrics.on(AudioChunk): %.1f ns per event%n", ns);
            assertEquals(2 * n * 0.02, metrics.registry().get("parley.audio.output.seconds").counter().count(), 1e-3);
            assertTrue(ns < 5_000, "well under the 0.5 ms budget per response: " + ns + " ns");
            tap.closed();
            assertEquals(0, metrics.registry().get("parley.sessions.active").gauge().value());
        }
    }
}
