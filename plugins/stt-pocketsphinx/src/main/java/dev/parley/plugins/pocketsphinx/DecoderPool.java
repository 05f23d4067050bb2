package dev.parley.plugins.pocketsphinx;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reuses loaded decoders across sessions, since loading one costs hundreds of milliseconds of CPU. Model loading
 * stays off the audio path:
 * <ul>
 *   <li>{@link #warmUp()} loads {@code pool_size} decoders (at least one) when the engine starts: the first at
 *       once, the rest on the pool's background thread ({@code pool_size} defaults to the server's
 *       {@code --max-sessions});</li>
 *   <li>whenever a stream takes the last idle decoder, one more is loaded ahead of demand on the pool's single
 *       background thread, so the next session finds one warm;</li>
 *   <li>only a session that arrives while none is idle and the background load has not finished loads its own,
 *       on its stream's worker thread (never the session's audio thread): it still gets its transcript, later
 *       by the load time, which shows in its {@code stt_final} stage timing.</li>
 * </ul>
 * A stream borrows a decoder for its lifetime and gives it back when cancelled; at most {@code pool_size} (at
 * least one) idle decoders are kept, the rest are freed. Thread-safe.
 */
final class DecoderPool implements AutoCloseable {
    private final PocketsphinxConfig config;
    private final int maxIdle;
    private final Deque<Decoder> idle = new ArrayDeque<>();
    private final ExecutorService grower = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("pocketsphinx-pool-grower").factory());
    private boolean closed;
    private boolean growing;
    private int loaded;

    DecoderPool(PocketsphinxConfig config) {
        this.config = config;
        this.maxIdle = Math.max(1, config.poolSize());
    }

    /**
     * Loads the first decoder now, so a bad model fails at pipeline start rather than in the first session, and
     * the other {@code pool_size - 1} on the background thread right after, one at a time: a server sized for 12
     * sessions starts as fast as one sized for 1 (a decoder takes a few hundred ms of CPU to load), and a session
     * that arrives before they are all in takes one that is, or loads its own.
     */
    void warmUp() {
        release(load());
        int rest = maxIdle - 1;
        if (rest <= 0) {
            return;
        }
        synchronized (this) {
            growing = true;
        }
        grower.execute(() -> {
            for (int i = 0; i < rest; i++) {
                if (!addOne()) {
                    break;
                }
            }
            synchronized (this) {
                growing = false;
                growAheadIfEmpty(); // sessions took them all meanwhile
            }
        });
    }

    /** An idle decoder, or a newly loaded one when none is (slow: call from a worker thread). */
    Decoder acquire() {
        Decoder d;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("pocketsphinx engine is closed");
            }
            d = idle.pollFirst();
            growAheadIfEmpty();
        }
        return d != null ? d : load();
    }

    private Decoder load() {
        Decoder d = Decoder.create(config);
        synchronized (this) {
            loaded++;
        }
        return d;
    }

    /** With the pool lock held: starts one background load when no decoder is left idle and none is loading. */
    private void growAheadIfEmpty() {
        if (!idle.isEmpty() || growing || closed) {
            return;
        }
        growing = true;
        grower.execute(this::growOne);
    }

    private void growOne() {
        addOne();
        synchronized (this) {
            growing = false;
        }
    }

    /** On the background thread: loads one decoder into the idle set; false when that failed or the pool closed. */
    private boolean addOne() {
        Decoder d;
        try {
            d = load();
        } catch (RuntimeException e) {
            // The model loaded at warm-up, so this is transient (memory); the next acquire loads inline.
            System.getLogger(DecoderPool.class.getName()).log(System.Logger.Level.WARNING,
                    "pocketsphinx: loading a spare decoder failed: " + e.getMessage());
            return false;
        }
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addLast(d);
                return true;
            }
        }
        d.close();
        return false;
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

    /** Decoders loaded over the pool's life, kept or not. */
    synchronized int loadedCount() {
        return loaded;
    }

    @Override
    public void close() {
        Deque<Decoder> toFree;
        synchronized (this) {
            closed = true;
            toFree = new ArrayDeque<>(idle);
            idle.clear();
        }
        grower.shutdown(); // a load under way frees its decoder when it sees the pool closed
        toFree.forEach(Decoder::close);
    }
}
