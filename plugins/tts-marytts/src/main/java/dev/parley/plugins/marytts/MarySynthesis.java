package dev.parley.plugins.marytts;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;

/**
 * One clause being spoken on a CPU-pool thread: each piece of text goes to MaryTTS, and its audio stream is
 * read in a loop and handed to the listener chunk by chunk while MaryTTS still produces it. Cancelling stops
 * between two reads (a few ms); once {@link #cancel()} returns the listener hears nothing more.
 */
final class MarySynthesis implements TtsSynthesis, Runnable {
    /** The pieces to speak, already normalised and split; with the voice and prosody to use. */
    record Request(List<String> pieces, String maryVoice, double speed, double pitch) {
    }

    private final LocalMaryInterface mary;
    private final Request request;
    private final RuntimeException preparationError;
    private final int sampleRate;
    private final int chunkSamples;
    private final TtsListener listener;
    /** Held while a callback runs, so that cancel() can wait out one in flight and then block all others. */
    private final ReentrantLock delivery = new ReentrantLock();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;

    MarySynthesis(LocalMaryInterface mary, Request request, int sampleRate, int chunkMs, TtsListener listener) {
        this(mary, request, null, sampleRate, chunkMs, listener);
    }

    /** A synthesis that only reports {@code error} (found while preparing it, e.g. an unknown voice). */
    static MarySynthesis failed(RuntimeException error, TtsListener listener) {
        return new MarySynthesis(null, null, error, 1, 1, listener);
    }

    private MarySynthesis(LocalMaryInterface mary, Request request, RuntimeException preparationError,
                          int sampleRate, int chunkMs, TtsListener listener) {
        this.mary = mary;
        this.request = request;
        this.preparationError = preparationError;
        this.sampleRate = sampleRate;
        this.chunkSamples = Math.max(1, sampleRate * chunkMs / 1000);
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            if (preparationError != null) {
                deliver(() -> listener.onError(preparationError));
                return;
            }
            for (String piece : request.pieces()) {
                if (cancelled) {
                    return;
                }
                speak(piece);
            }
            deliver(listener::onDone);
        } catch (Exception | LinkageError e) {
            deliver(() -> listener.onError(e));
        } finally {
            finished.countDown();
        }
    }

    /** Waits until the worker has stopped (done, failed or cancelled); for tests and orderly shutdown. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private void speak(String piece) throws Exception {
        try (AudioInputStream audio = mary.generateAudio(
                SsmlRequest.document(piece, request.maryVoice(), request.speed(), request.pitch()))) {
            int rate = Math.round(audio.getFormat().getSampleRate());
            if (rate != sampleRate) {
                throw new IllegalStateException("voice " + request.maryVoice() + " speaks at " + rate
                        + " Hz but this engine reports " + sampleRate + " Hz");
            }
            PcmChunkReader reader = new PcmChunkReader(audio, chunkSamples);
            short[] samples;
            while (!cancelled && (samples = reader.next()) != null) {
                AudioChunk chunk = new AudioChunk(samples, sampleRate);
                deliver(() -> listener.onAudio(chunk));
            }
        }
    }

    private void deliver(Runnable callback) {
        delivery.lock();
        try {
            if (!cancelled) {
                callback.run();
            }
        } finally {
            delivery.unlock();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        // Waits only for a callback already running (the listener's own, short); none starts after this.
        delivery.lock();
        delivery.unlock();
    }
}
