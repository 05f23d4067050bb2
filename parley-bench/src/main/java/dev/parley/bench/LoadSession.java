package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One session of the capacity run: streams a looping track and answers two lag questions from the events it
 * gets back. Probe lag: a {@code session.update} probe, sent between audio chunks on the same socket, until its
 * {@code session.updated} returns (one probe in flight at a time). Onset lag: the first-speech chunk's send instant
 * until {@code speech_started} for that pass arrives (exact only when the VAD reports an onset on its first voiced
 * frame, as the benchmark pipeline is configured to).
 */
final class LoadSession {
    static final String PROBE = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\"}}";

    final RealtimeClient client;
    private final AudioTrack track;
    private final LoadMetrics metrics;
    private final AtomicLong probeSentAt = new AtomicLong();
    private volatile AudioPacer.Playback playback;

    LoadSession(RealtimeClient client, AudioTrack track, LoadMetrics metrics) {
        this.client = client;
        this.track = track;
        this.metrics = metrics;
        client.tap(this::onEvent);
    }

    void start(AudioPacer pacer, long delayMs) {
        playback = pacer.play(client, track, true, delayMs);
    }

    /** Sends a probe unless the last one is still unanswered (then counts it as late). */
    void probe() {
        if (probeSentAt.get() != 0) {
            metrics.probeOutstanding();
            return;
        }
        synchronized (this) {
            probeSentAt.set(System.nanoTime());
            client.send(PROBE);
        }
    }

    private void onEvent(RealtimeClient.Event e) {
        switch (e.type()) {
            case "session.updated" -> {
                long sent = probeSentAt.getAndSet(0);
                if (sent != 0) {
                    metrics.recordProbe(e.nanos() - sent);
                }
            }
            case "input_audio_buffer.speech_started" -> {
                JsonNode n = e.node();
                AudioPacer.Playback p = playback;
                int cycle = (int) Math.round(n.path("audio_start_ms").asDouble() / track.durationMs());
                long sent = p == null ? -1 : p.onset(cycle);
                if (sent > 0) {
                    metrics.recordOnset(e.nanos() - sent);
                }
            }
            case "response.done" -> metrics.responseDone();
            case "error" -> metrics.error(e.json());
            default -> {
            }
        }
    }

    void stop() {
        AudioPacer.Playback p = playback;
        if (p != null) {
            p.stop();
        }
    }

    /** Histograms are in µs. */
    static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }
}
