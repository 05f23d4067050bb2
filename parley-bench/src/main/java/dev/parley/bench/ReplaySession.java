package dev.parley.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a recording's client events and input audio again, over a real WebSocket, and collects what the server
 * answers. {@link Speed#REALTIME} keeps the recorded gaps (what server VAD, barge-in and the idle timer saw);
 * {@link Speed#MAX} sends as fast as the connection takes it, which keeps the audio (so VAD, turn boundaries
 * and transcripts) but not the wall-clock overlap of answers and speech. Client events that name a server id
 * are sent with the replay's id ({@link ReplayIds}), once the replay has announced it. Ends when every response is done and
 * the server has been quiet for {@link #QUIET_MS}, or after {@link #MAX_WAIT_MS}.
 */
final class ReplaySession {
    static final long QUIET_MS = 1500;
    static final long MAX_WAIT_MS = 60_000;
    /** How long a client event waits for the replay to announce the id it names (a reply takes seconds). */
    static final long ID_WAIT_MS = 15_000;

    enum Speed { REALTIME, MAX }

    private ReplaySession() {
    }

    /** The server events of the replayed session, timed from the connection. */
    static List<TimedEvent> run(HttpClient http, String url, Recording recording, Speed speed, ReplayIds ids)
            throws InterruptedException {
        List<TimedEvent> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger open = new AtomicInteger();
        AtomicLong last = new AtomicLong(System.nanoTime());
        long start = System.nanoTime();
        // audio deltas are counted by the client, not kept: the comparison reads transcripts, not samples
        try (RealtimeClient client = RealtimeClient.connect(http, url, type -> !type.endsWith("audio.delta"))) {
            client.tap(e -> {
                last.set(e.nanos());
                TimedEvent t = new TimedEvent((e.nanos() - start) / 1e6, e.node());
                events.add(t);
                ids.replayed(t.event());
                if (t.type().equals("response.created")) {
                    open.incrementAndGet();
                } else if (t.type().equals("response.done")) {
                    open.decrementAndGet();
                }
            });
            client.await("session.created", 10_000);
            for (Recording.ClientStep step : recording.sent()) {
                if (speed == Speed.REALTIME) {
                    long due = start + (long) (step.atMs() * 1e6);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                client.send(step.audio() == null ? ids.remap(step.event(), ID_WAIT_MS).toString()
                        : "{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                                + Base64.getEncoder().encodeToString(step.audio()) + "\"}");
            }
            long end = System.currentTimeMillis() + MAX_WAIT_MS;
            while (System.currentTimeMillis() < end) {
                long quietMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last.get());
                if (open.get() <= 0 && quietMs >= QUIET_MS) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
