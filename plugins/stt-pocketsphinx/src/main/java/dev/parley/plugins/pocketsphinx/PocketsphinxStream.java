package dev.parley.plugins.pocketsphinx;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session's recognition. The caller's thread only enqueues; a per-stream worker thread owns the borrowed
 * decoder and runs every native call in order. A partial hypothesis is emitted after each
 * {@code partial_interval_ms} of audio when it changed; {@link #endUtterance()} emits the final.
 * {@link #reset()} and {@link #cancel()} bump a generation counter so queued work of the dropped utterance is
 * skipped, and no callback is delivered after {@code cancel()} returns.
 */
final class PocketsphinxStream implements SttStream {
    private final DecoderPool pool;
    private final SttListener listener;
    private final ExecutorService worker;
    private final Runnable onCancelled;
    private final int partialEverySamples;
    private final AtomicLong generation = new AtomicLong();
    private final Object deliveryLock = new Object();
    private volatile boolean cancelled;

    // Confined to the worker thread.
    private Decoder decoder;
    private int samplesSincePartial;
    private String lastPartial = "";

    PocketsphinxStream(DecoderPool pool, PocketsphinxConfig config, SttListener listener, ExecutorService worker,
                       Runnable onCancelled) {
        this.pool = pool;
        this.onCancelled = onCancelled;
        this.listener = listener;
        this.worker = worker;
        this.partialEverySamples = PocketsphinxConfig.SAMPLE_RATE / 1000 * config.partialIntervalMs();
    }

    @Override
    public void accept(AudioChunk chunk) {
        if (chunk.sampleRate() != PocketsphinxConfig.SAMPLE_RATE) {
            listener.onError(new IllegalArgumentException("pocketsphinx takes " + PocketsphinxConfig.SAMPLE_RATE
                    + " Hz audio, got " + chunk.sampleRate() + " Hz"));
            return;
        }
        short[] samples = chunk.samples();
        submit(gen -> {
            decoder().process(samples);
            samplesSincePartial += samples.length;
            if (samplesSincePartial >= partialEverySamples) {
                samplesSincePartial = 0;
                String hyp = decoder.hypothesis();
                if (!hyp.isEmpty() && !hyp.equals(lastPartial)) {
                    lastPartial = hyp;
                    deliver(gen, () -> listener.onPartial(hyp));
                }
            }
        });
    }

    @Override
    public void endUtterance() {
        submit(gen -> {
            String text = decoder == null ? "" : decoder.finish();
            clearUtteranceState();
            deliver(gen, () -> listener.onFinal(text));
        });
    }

    @Override
    public void reset() {
        long dropped = generation.getAndIncrement();
        submitRaw(() -> {
            if (decoder != null) {
                decoder.abandon();
            }
            clearUtteranceState();
        }, dropped);
    }

    @Override
    public void cancel() {
        synchronized (deliveryLock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        generation.incrementAndGet();
        try {
            worker.execute(this::returnDecoder);
        } catch (RejectedExecutionException alreadyStopped) {
            // The engine shut the worker down first; it frees its own decoders.
        }
        worker.shutdown();
        onCancelled.run();
    }

    private Decoder decoder() {
        if (decoder == null) {
            decoder = pool.acquire();
        }
        return decoder;
    }

    private void returnDecoder() {
        if (decoder != null) {
            Decoder d = decoder;
            decoder = null;
            pool.release(d);
        }
    }

    private void clearUtteranceState() {
        samplesSincePartial = 0;
        lastPartial = "";
    }

    /** A step of the current utterance; skipped when a reset or cancel came after it was queued. */
    private interface Step {
        void run(long generation);
    }

    private void submit(Step step) {
        long gen = generation.get();
        submitRaw(() -> {
            if (gen != generation.get()) {
                return;
            }
            try {
                step.run(gen);
            } catch (RuntimeException e) {
                // A native failure loses this utterance only; the decoder starts afresh on the next audio.
                if (decoder != null) {
                    decoder.abandon();
                }
                clearUtteranceState();
                deliver(gen, () -> listener.onError(e));
            }
        }, gen);
    }

    private void submitRaw(Runnable task, long gen) {
        if (cancelled) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            deliver(gen, () -> listener.onError(new IllegalStateException("pocketsphinx stream is closed", e)));
        }
    }

    private void deliver(long gen, Runnable callback) {
        synchronized (deliveryLock) {
            if (!cancelled && gen == generation.get()) {
                callback.run();
            }
        }
    }
}
