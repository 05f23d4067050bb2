package dev.parley.plugins.pocketsphinx;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reuses loaded decoders across sessions, since loading one costs hundreds of milliseconds. A stream borrows a
 * decoder for its lifetime and gives it back when cancelled; at most {@code maxIdle} idle decoders are kept, the
 * rest are freed. Thread-safe.
 */
final class DecoderPool implements AutoCloseable {
    private final PocketsphinxConfig config;
    private final int maxIdle;
    private final Deque<Decoder> idle = new ArrayDeque<>();
    private boolean closed;

    DecoderPool(PocketsphinxConfig config) {
        this.config = config;
        this.maxIdle = config.poolSize();
    }

    /** Loads one decoder up front, so a bad model fails at pipeline start rather than in the first session. */
    void warmUp() {
        release(Decoder.create(config));
    }

    /** An idle decoder, or a newly loaded one (slow: call from a worker thread). */
    Decoder acquire() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("pocketsphinx engine is closed");
            }
            Decoder d = idle.pollFirst();
            if (d != null) {
                return d;
            }
        }
        return Decoder.create(config);
    }

    /** Returns a decoder; it is freed instead when the pool is full or closed. */
    void release(Decoder decoder) {
        decoder.abandon();
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(decoder);
                return;
            }
        }
        decoder.close();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        Deque<Decoder> toFree;
        synchronized (this) {
            closed = true;
            toFree = new ArrayDeque<>(idle);
            idle.clear();
        }
        toFree.forEach(Decoder::close);
    }
}
