package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.plugins.rules.RuleBasedResponderProvider;
import dev.parley.runtime.builtin.vad.EnergyVadConfig;
import dev.parley.runtime.builtin.vad.EnergyVadEngine;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ten clients that stop reading during long answers, and go on asking for more, leave the server's heap flat:
 * the live heap after a full GC stays within ±10 % of its mean once every client has stopped. Before output
 * backpressure, synthesis ran on at 24x real time into their queues (issue 17: +2 MB/s for one client).
 *
 * <p>Runs ~45 s in CI (production stops within ~25 s, then 20 s of samples); {@code -Dparley.slowReaders.seconds=120} gives the 2-minute run recorded in RELIABILITY.md.
 * The server runs in the test's JVM, so the heap measured is the server's plus the (small, fixed) clients'.
 */
class SlowReaderHeapTest {
    private static final int CLIENTS = 10;

    private static long liveHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void tenClientsThatStopReadingLeaveTheHeapFlat() throws Exception {
        int seconds = Integer.getInteger("parley.slowReaders.seconds", 20);
        CountingTts tts = new CountingTts(60);
        Pipeline pipeline = new Pipeline("slow-readers", null, 16000, true,
                new EnergyVadEngine(EnergyVadConfig.defaults()), null, null,
                new RuleBasedResponderProvider().create(new ComponentConfig(Map.of("word_delay_ms", 0), "test")),
                tts, new ComponentConfig(Map.of(), "test"));
        // the cut comes after the run, so every client stays connected and paused throughout
        ServerOptions o = TestServer.options(List.of()).withLimits(ServerLimits.defaults()
                .withOutput(Duration.ofSeconds(seconds + 60), 64L << 20));
        RealtimeServer server = RealtimeServer.start(o, r -> pipeline, new DefaultSessionEngineFactory());
        List<RawWebSocket> clients = new ArrayList<>();
        try {
            long before = liveHeapAfterGc();
            for (int i = 0; i < CLIENTS; i++) {
                RawWebSocket ws = RawWebSocket.connect(server.port(), "/v1/realtime?model=gpt-realtime", Map.of(),
                        16 * 1024);
                clients.add(ws);
                ws.awaitEvent("session.created");
                ws.sendText(OutputBackpressureTest.longMessage(150)); // ~245 s of audio each
                ws.sendText(DrainTest.ASK);
                // from here on the client reads nothing
            }
            // each fills its socket and its output budget at the lead bound's real-time pace, then pauses
            long settling = System.nanoTime();
            long produced = -1;
            while (tts.bytes() != produced && System.nanoTime() - settling < 60_000_000_000L) {
                produced = tts.bytes();
                Thread.sleep(3000);
            }
            long settledMs = (System.nanoTime() - settling) / 1_000_000;
            List<Long> heap = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (RawWebSocket ws : clients) {
                    ws.sendText(DrainTest.ASK); // keeps asking: refused while its answer is still running
                }
                heap.add(liveHeapAfterGc());
                Thread.sleep(Math.min(5000, seconds * 1000L / 6));
            }
            long min = heap.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = heap.stream().mapToLong(Long::longValue).max().orElseThrow();
            double mean = heap.stream().mapToLong(Long::longValue).average().orElseThrow();
            System.out.printf("slow readers: production stopped after %d ms; %d clients paused for %d s; live heap after GC before %.1f MB, then "
                    + "%s MB (min %.1f, max %.1f, mean %.1f: %+.1f %% / %+.1f %%); %d syntheses, %.1f MB of audio "
                    + "synthesized of ~%d MB asked for; peak queue %d bytes%n", settledMs, CLIENTS, seconds, before / 1e6,
                    heap.stream().map(h -> String.format("%.1f", h / 1e6)).toList(), min / 1e6, max / 1e6,
                    mean / 1e6, 100 * (min - mean) / mean, 100 * (max - mean) / mean, tts.syntheses.get(),
                    tts.bytes() / 1e6, CLIENTS * 12, server.counters().peakQueuedOutputBytes.get());
            assertEquals(CLIENTS, server.liveSessions(), "every client still connected (not cut)");
            assertTrue(max <= mean * 1.10 && min >= mean * 0.90, "heap flat within ±10 %: " + heap);
            assertTrue(tts.bytes() < CLIENTS * 6_000_000L, "most of the answers never synthesized: "
                    + tts.bytes());
        } finally {
            for (RawWebSocket ws : clients) {
                ws.close();
            }
            server.close();
        }
    }
}
