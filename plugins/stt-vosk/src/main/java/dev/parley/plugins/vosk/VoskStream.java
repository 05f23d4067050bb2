package dev.parley.plugins.vosk;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import dev.parley.api.stt.SttWorker;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;

/**
 * One session's Vosk recognition. The recogniser is created on the worker at the first audio and kept for the
 * stream's life. Vosk may detect an endpoint of its own inside an utterance; the text of such segments is kept
 * and prefixed to later partials and to the final, so the runtime sees one utterance as it defined it.
 */
final class VoskStream implements SttStream {
    private final Model model;
    private final VoskConfig config;
    private final SttWorker worker;
    private final int partialEverySamples;
    private final Runnable onCancelled;

    // Confined to the worker's steps (one at a time).
    private Recognizer recognizer;
    private final StringBuilder committed = new StringBuilder();
    private int samplesSincePartial;
    private String lastPartial = "";

    VoskStream(Model model, VoskConfig config, SttListener listener, CpuExecutor cpu, String threadName,
               Runnable onCancelled) {
        this.model = model;
        this.config = config;
        this.worker = new SttWorker(threadName, listener, cpu);
        this.partialEverySamples = config.sampleRate() / 1000 * config.partialIntervalMs();
        this.onCancelled = onCancelled;
    }

    @Override
    public void accept(AudioChunk chunk) {
        if (chunk.sampleRate() != config.sampleRate()) {
            worker.reportNow(new IllegalArgumentException("vosk is configured for " + config.sampleRate()
                    + " Hz audio, got " + chunk.sampleRate() + " Hz"));
            return;
        }
        short[] samples = chunk.samples();
        worker.submit(gen -> {
            Recognizer r = recognizer();
            if (r.acceptWaveForm(samples, samples.length)) {
                commit(VoskJson.field(r.getResult(), "text"));
            }
            samplesSincePartial += samples.length;
            if (samplesSincePartial >= partialEverySamples) {
                samplesSincePartial = 0;
                String text = join(VoskJson.field(r.getPartialResult(), "partial"));
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
            String text = recognizer == null ? join("") : join(VoskJson.field(recognizer.getFinalResult(), "text"));
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
        if (worker.cancel(this::closeRecognizer)) {
            onCancelled.run();
        }
    }

    /** On the worker, last: frees the recogniser's native state. */
    private void closeRecognizer() {
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
    }

    private Recognizer recognizer() throws IOException {
        if (recognizer == null) {
            recognizer = new Recognizer(model, config.sampleRate());
        }
        return recognizer;
    }

    private void commit(String segment) {
        if (!segment.isEmpty()) {
            if (!committed.isEmpty()) {
                committed.append(' ');
            }
            committed.append(segment);
        }
    }

    private String join(String tail) {
        if (committed.isEmpty()) {
            return tail;
        }
        return tail.isEmpty() ? committed.toString() : committed + " " + tail;
    }

    /** Forgets the utterance; the recogniser starts a fresh one on the next audio. */
    private void clear() {
        if (recognizer != null) {
            recognizer.reset();
        }
        committed.setLength(0);
        samplesSincePartial = 0;
        lastPartial = "";
    }
}
