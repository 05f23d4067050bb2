package dev.parley.plugins.whisper;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.stt.SttWorker;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session's Whisper recognition. Whisper does not stream, so the stream keeps the utterance's audio and, every
 * {@code partial_interval_ms} of new audio, re-decodes all of it on the worker to produce a partial; at
 * {@link #endUtterance()} it decodes once more for the final. When decoding falls behind, queued audio is
 * appended first and only the newest audio is decoded (partials are skipped rather than piled up).
 */
final class WhisperStream implements SttStream {
    private final WhisperDecoder decoder;
    private final SttWorker worker;
    private final int partialEverySamples;
    private final Runnable onCancelled;
    private final AtomicLong chunksSubmitted = new AtomicLong();

    // Confined to the worker's steps (one at a time).
    private float[] audio = new float[WhisperConfig.SAMPLE_RATE * 10];
    private int length;
    private int decodedUpTo;
    private String lastPartial = "";

    WhisperStream(WhisperDecoder decoder, WhisperConfig config, SttListener listener, CpuExecutor cpu,
                  String threadName,
                  Runnable onCancelled) {
        this.decoder = decoder;
        this.worker = new SttWorker(threadName, listener, cpu);
        this.partialEverySamples = WhisperConfig.SAMPLE_RATE / 1000 * config.partialIntervalMs();
        this.onCancelled = onCancelled;
    }

    @Override
    public void accept(AudioChunk chunk) {
        if (chunk.sampleRate() != WhisperConfig.SAMPLE_RATE) {
            worker.reportNow(new IllegalArgumentException("whisper takes " + WhisperConfig.SAMPLE_RATE
                    + " Hz audio, got " + chunk.sampleRate() + " Hz"));
            return;
        }
        short[] samples = chunk.samples();
        long sequence = chunksSubmitted.incrementAndGet();
        worker.submit(gen -> {
            append(samples);
            boolean newest = sequence == chunksSubmitted.get();
            if (partialEverySamples > 0 && newest && length - decodedUpTo >= partialEverySamples) {
                decodedUpTo = length;
                String text = decoder.transcribe(audio, length);
                if (!text.isEmpty() && !text.equals(lastPartial)) {
                    lastPartial = text;
                    worker.deliver(gen, l -> l.onPartial(text));
                }
            }
        }, this::clear);
    }

    @Override
    public void endUtterance() {
        worker.submitFinal(gen -> {
            String text = length == 0 ? "" : decoder.transcribe(audio, length);
            clear();
            worker.deliver(gen, l -> l.onFinal(text));
        }, this::clear);
    }

    @Override
    public void reset() {
        worker.dropUtterance(this::clear);
    }

    @Override
    public void cancel() {
        if (worker.cancel(decoder::close)) {
            onCancelled.run();
        }
    }

    /** For engine shutdown: waits for an in-flight decode to finish before the model is freed. */
    boolean awaitStopped(long millis) throws InterruptedException {
        return worker.awaitStopped(millis);
    }

    private void append(short[] samples) {
        if (length + samples.length > audio.length) {
            audio = Arrays.copyOf(audio, Math.max(audio.length * 2, length + samples.length));
        }
        for (short s : samples) {
            audio[length++] = s / 32768f;
        }
    }

    private void clear() {
        length = 0;
        decodedUpTo = 0;
        lastPartial = "";
    }
}
