package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Slow readers and closing: a client that stops reading during a long answer is closed within the bound with
 * its queued output capped; a server-initiated close sends the backlog and the close frame before TCP closes,
 * even while the client, still reading, keeps sending.
 */
class OutputBudgetTest {
    @Test
    void aClientThatStopsReadingIsClosedWithinTheBoundAndItsQueueStaysCapped() throws Exception {
        stopReading(2L * 1024 * 1024, "the cap");
    }

    @Test
    void aClientThatStopsReadingIsClosedAfterTheSlowReaderTimeout() throws Exception {
        stopReading(64L * 1024 * 1024, "the timeout"); // a cap the 19 MB answer does not reach
    }

    private static void stopReading(long cap, String bound) throws Exception {
        ServerOptions o = TestServer.options(List.of())
                .withLimits(ServerLimits.defaults().withOutput(Duration.ofMillis(1000), cap));
        try (TestServer server = new TestServer(o)) {
            server.engines.script = spec -> DrainTest.longAnswer(3000, 0); // 300 s of audio, produced at once
            try (RawWebSocket ws = RawWebSocket.connect(server.server.port(), "/v1/realtime?model=gpt-realtime",
                    java.util.Map.of(), 16 * 1024)) {
                ws.awaitEvent("session.created");
                ws.sendText(DrainTest.ASK);
                long start = System.nanoTime();
                // the client reads nothing more
                for (int i = 0; i < 300 && server.server.counters().slowReaderCloses.sum() == 0; i++) {
                    Thread.sleep(20);
                }
                long closedMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1, server.server.counters().slowReaderCloses.sum(), "closed as a slow reader");
                for (int i = 0; i < 300 && server.server.liveSessions() > 0; i++) {
                    Thread.sleep(20);
                }
                long goneMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(0, server.server.liveSessions(), "its connection and session are gone");
                long peak = server.server.counters().peakQueuedOutputBytes.get();
                System.out.printf("slow reader (%s): closed %d ms after it stopped reading (bound 1000 ms "
                        + "without progress or %d bytes queued), TCP gone after %d ms, peak queued %d bytes%n",
                        bound, closedMs, cap, goneMs, peak);
                assertTrue(peak <= cap + 64 * 1024, "queued output stays under the cap: " + peak);
                assertTrue(goneMs < 5000, goneMs + " ms");
                assertTrue(closedMs < 3000, "closed within the bound: " + closedMs + " ms");
            }
        }
    }

    @Test
    void aServerCloseSendsTheBacklogAndTheCloseFrameWhileTheClientKeepsSending() throws Exception {
        try (TestServer server = new TestServer()) {
            server.engines.script = spec -> DrainTest.longAnswer(200, 0); // 20 s of audio, ~1.3 MB of events
            try (RawWebSocket ws = RawWebSocket.connect(server.server.port(), "/v1/realtime?model=gpt-realtime",
                    java.util.Map.of(), 32 * 1024)) {
                ws.awaitEvent("session.created");
                ws.sendText(DrainTest.ASK);
                ws.awaitEvent("response.created");
                Thread.sleep(300); // the whole answer is queued for the client by now
                ws.sendText("{\"type\":\"session.close\"}");
                AtomicBoolean reading = new AtomicBoolean(true);
                String append = "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                        + Base64.getEncoder().encodeToString(new byte[960]) + "\"}";
                Thread mic = Thread.ofVirtual().start(() -> { // a client streams its microphone regardless
                    try {
                        while (reading.get()) {
                            ws.sendText(append);
                            Thread.sleep(20);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server closed: the read side reports how
                    }
                });
                List<String> types = new ArrayList<>();
                RawWebSocket.Frame f;
                long start = System.nanoTime();
                int deltas = 0;
                try {
                    while ((f = ws.next()).opcode() != 0x8) {
                        String t = f.text();
                        types.add(t.substring(9, t.indexOf('"', 9)));
                        if (t.startsWith("{\"type\":\"response.output_audio.delta\"")) {
                            deltas++;
                            Thread.sleep(8); // reads slower than the server sends: ~2 s for the backlog
                        }
                    }
                } finally {
                    reading.set(false);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1000, f.closeCode(), "a close frame, not a reset");
                assertTrue(types.contains("session.closed"), "the last event arrived: " + types.subList(
                        Math.max(0, types.size() - 3), types.size()));
                System.out.printf("close flush: %d audio deltas, session.closed and close 1000 read over %d ms "
                        + "while the client kept sending%n", deltas, ms);
                mic.join(2000);
            }
        }
    }
}
