package dev.parley.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** What all sessions of one capacity step measured; recording is off during warm-up. Thread-safe. */
final class LoadMetrics {
    private final Histogram probe = LoadSession.histogram();
    private final Histogram onset = LoadSession.histogram();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private volatile boolean recording;
    private volatile String firstError;

    void recording(boolean on) {
        recording = on;
    }

    synchronized void recordProbe(long nanos) {
        if (recording) {
            probe.recordValue(Math.max(0, nanos / 1000));
        }
    }

    synchronized void recordOnset(long nanos) {
        if (recording) {
            onset.recordValue(Math.max(0, nanos / 1000));
        }
    }

    void responseDone() {
        if (recording) {
            responses.incrementAndGet();
        }
    }

    void probeOutstanding() {
        if (recording) {
            outstanding.incrementAndGet();
        }
    }

    void error(String json) {
        errors.incrementAndGet();
        if (firstError == null) {
            firstError = json;
        }
    }

    synchronized Histogram probe() {
        return probe.copy();
    }

    synchronized Histogram onset() {
        return onset.copy();
    }

    long responses() {
        return responses.get();
    }

    long errors() {
        return errors.get();
    }

    /** Probes not sent because the previous one was still unanswered a full probe interval later. */
    long outstanding() {
        return outstanding.get();
    }

    String firstError() {
        return firstError;
    }
}
