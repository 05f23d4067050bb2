package dev.parley.plugins.pocketsphinx;

import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loaded pocketsphinx recogniser of one pipeline: a pool of decoders and one worker lane per open stream.
 * Native decoding runs on platform threads (a JNA call would pin a virtual thread's carrier anyway).
 */
public final class PocketsphinxEngine implements SttEngine {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final PocketsphinxConfig config;
    private final DecoderPool pool;
    private final CpuExecutor cpu;
    private final Set<SttStream> open = ConcurrentHashMap.newKeySet();

    /** Loads one decoder right away so a broken model fails here, not in the first session. */
    public PocketsphinxEngine(PocketsphinxConfig config, CpuExecutor cpu) {
        this.config = config;
        this.cpu = cpu;
        this.pool = new DecoderPool(config);
        pool.warmUp();
    }

    @Override
    public int sampleRate() {
        return PocketsphinxConfig.SAMPLE_RATE;
    }

    @Override
    public SttStream open(SttListener listener) {
        SttStream[] self = new SttStream[1];
        self[0] = new PocketsphinxStream(pool, config, listener, cpu, "pocketsphinx-" + THREAD_IDS.incrementAndGet(),
                () -> open.remove(self[0]));
        open.add(self[0]);
        return self[0];
    }

    /** Idle decoders currently kept for reuse (for tests and diagnostics). */
    int idleDecoders() {
        return pool.idleCount();
    }

    /** Decoders loaded since the engine started (for tests and diagnostics). */
    int loadedDecoders() {
        return pool.loadedCount();
    }

    @Override
    public void close() {
        open.forEach(SttStream::cancel);
        pool.close();
    }
}
