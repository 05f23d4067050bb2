package dev.parley.plugins.pocketsphinx;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.stt.SttWorker;

/**
 * One session's recognition. The caller's thread only enqueues; the stream's {@link SttWorker} thread borrows
 * a decoder from the pool at the first audio and runs every native call in order. A partial hypothesis is
 * emitted after each {@code partial_interval_ms} of audio when it changed; {@link #endUtterance()} emits the
 * final. {@link #cancel()} returns the decoder to the pool.
 */
final class PocketsphinxStream implements SttStream {
    private final DecoderPool pool;
    private final SttWorker worker;
    private final int partialEverySamples;
    private final Runnable onCancelled;

    // Confined to the worker's steps (one at a time).
    private Decoder decoder;
    private int samplesSincePartial;
    private String lastPartial = "";

    PocketsphinxStream(DecoderPool pool, PocketsphinxConfig config, SttListener listener, CpuExecutor cpu,
                       String threadName, Runnable onCancelled) {
        this.pool = pool;
        this.worker = new SttWorker(threadName, listener, cpu);
        this.partialEverySamples = PocketsphinxConfig.SAMPLE_RATE / 1000 * config.partialIntervalMs();
        this.onCancelled = onCancelled;
    }

    @Override
    public void accept(AudioChunk chunk) {
        if (chunk.sampleRate() != PocketsphinxConfig.SAMPLE_RATE) {
            worker.reportNow(new IllegalArgumentException("pocketsphinx takes " + PocketsphinxConfig.SAMPLE_RATE
                    + " Hz audio, got " + chunk.sampleRate() + " Hz"));
            return;
        }
        short[] samples = chunk.samples();
        worker.submit(gen -> {
            decoder().process(samples);
            samplesSincePartial += samples.length;
            if (samplesSincePartial >= partialEverySamples) {
                samplesSincePartial = 0;
                // In the audio's own step, not a later BACKGROUND one: a later step lands behind the audio and the
                // final already queued, so a lane that is behind (fast feeding, a loaded machine) lost every
                // partial until the final — the live captions issue 19 asks for (PocketsphinxTranscriptionTest).
                partial(gen);
            }
        }, this::abandon);
    }

    private void partial(long gen) {
        if (decoder == null || !decoder.inUtterance()) {
            return;
        }
        String hyp = decoder.hypothesis();
        if (!hyp.isEmpty() && !hyp.equals(lastPartial)) {
            lastPartial = hyp;
            worker.deliver(gen, l -> l.onPartial(hyp));
        }
    }

    @Override
    public void endUtterance() {
        worker.submitFinal(gen -> {
            String text = decoder == null ? "" : decoder.finish();
            clear();
            worker.deliver(gen, l -> l.onFinal(text));
        }, this::abandon);
    }

    @Override
    public void reset() {
        worker.dropUtterance(this::abandon);
    }

    @Override
    public void cancel() {
        if (worker.cancel(this::returnDecoder)) {
            onCancelled.run();
        }
    }

    /** On the worker, last: gives the decoder back to the pool. */
    private void returnDecoder() {
        if (decoder != null) {
            Decoder d = decoder;
            decoder = null;
            pool.release(d);
        }
    }

    private Decoder decoder() {
        if (decoder == null) {
            decoder = pool.acquire();
        }
        return decoder;
    }

    /** Drops the open utterance; the decoder starts afresh on the next audio. */
    private void abandon() {
        if (decoder != null) {
            decoder.abandon();
        }
        clear();
    }

    private void clear() {
        samplesSincePartial = 0;
        lastPartial = "";
    }
}
