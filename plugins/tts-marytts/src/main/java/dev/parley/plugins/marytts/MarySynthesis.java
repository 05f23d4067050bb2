package dev.parley.plugins.marytts;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsSynthesis;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;

/**
 * One clause being spoken in short steps on the CPU pool: each piece of text goes to MaryTTS, and its audio stream
 * is read and handed to the listener chunk by chunk; MaryTTS vocodes each sentence of it on this thread when that
 * sentence's audio is first read ({@link CallingThreadHtsEngine}). A {@link #step()} reads for at
 * most {@value #STEP_MILLIS} ms and returns, so a long clause does not hold a pool thread that speech decoding needs
 * (the engine queues the next step); only the read that vocodes a sentence takes longer: as long as the vocoder
 * needs for the whole sentence (65 % of MaryTTS' CPU, BENCHMARKS.md run I part 2; at RTF 0.07 on a free core about
 * 4.5 % of the sentence's duration, ~90 ms for 2 s of speech). Cancelling stops between two reads (a few ms); once {@link #cancel()} returns
 * the listener hears nothing more.
 */
final class MarySynthesis implements TtsSynthesis, Runnable {
    static final long STEP_MILLIS = 5;
    private static final long STEP_NANOS = STEP_MILLIS * 1_000_000;

    /** The pieces to speak, already normalised and split; with the voice and prosody to use. */
    record Request(List<String> pieces, String maryVoice, double speed, double pitch, boolean vocodeOnPool) {
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
    /** The runtime's hint for the next steps (see {@link TtsSynthesis#priority}). */
    private volatile CpuPriority priority = CpuPriority.NORMAL;

    // Confined to the steps, which run one at a time.
    private int nextPiece;
    private AudioInputStream audio;
    private PcmChunkReader reader;

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

    /** Speaks everything on the calling thread. */
    @Override
    public void run() {
        while (step()) {
            // each step returns after a few ms; here nothing else waits for the thread
        }
    }

    /**
     * Speaks for up to {@value #STEP_MILLIS} ms.
     *
     * @return true when another step is needed; false once the synthesis is done, failed or cancelled
     */
    boolean step() {
        long deadline = System.nanoTime() + STEP_NANOS;
        try {
            if (preparationError != null) {
                deliver(() -> listener.onError(preparationError));
                return end();
            }
            do {
                if (cancelled) {
                    return drainThenEnd(deadline);
                }
                if (reader == null && !open()) {
                    deliver(listener::onDone);
                    return end();
                }
                short[] samples = reader.next();
                if (samples == null) {
                    closeAudio();
                } else if (!cancelled) {
                    AudioChunk chunk = new AudioChunk(samples, sampleRate);
                    deliver(() -> listener.onAudio(chunk));
                }
            } while (System.nanoTime() < deadline);
            return true;
        } catch (Exception | LinkageError e) {
            deliver(() -> listener.onError(e));
            return end();
        }
    }

    /** Ends a synthesis that cannot go on (the pool refused its next step). */
    void abort(RuntimeException cause) {
        deliver(() -> listener.onError(cause));
        end();
    }

    @Override
    public void priority(CpuPriority priority) {
        this.priority = priority;
    }

    CpuPriority priority() {
        return priority;
    }

    /** Waits until the worker has stopped (done, failed or cancelled); for tests and orderly shutdown. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /** Starts the next piece; false when none is left. */
    private boolean open() throws Exception {
        if (nextPiece >= request.pieces().size()) {
            return false;
        }
        String piece = request.pieces().get(nextPiece++);
        audio = CallingThreadHtsEngine.generate(mary, request.vocodeOnPool(),
                SsmlRequest.document(piece, request.maryVoice(), request.speed(), request.pitch()));
        int rate = Math.round(audio.getFormat().getSampleRate());
        if (rate != sampleRate) {
            closeAudio();
            throw new IllegalStateException("voice " + request.maryVoice() + " speaks at " + rate
                    + " Hz but this engine reports " + sampleRate + " Hz");
        }
        reader = new PcmChunkReader(audio, chunkSamples);
        return true;
    }

    private void closeAudio() throws java.io.IOException {
        reader = null;
        AudioInputStream a = audio;
        audio = null;
        if (a != null) {
            a.close();
        }
    }

    /**
     * A cancelled synthesis on MaryTTS' streaming vocoder: each sentence's producer thread blocks for ever on its full
     * queue unless the sentence is read to the end, holding ~5 MB of acoustic parameters. Found by the 8-session
     * default-pipeline soak: 337 stuck threads and 1.7 GB of heap after 4 minutes of barge-ins. So the rest of the
     * piece is read and dropped, in background steps like any other; the listener hears nothing of it. With the
     * pool vocoder an unread sentence was never vocoded, and there is nothing to drain.
     */
    private boolean drainThenEnd(long deadline) throws java.io.IOException {
        if (reader == null || request.vocodeOnPool()) {
            return end();
        }
        priority = CpuPriority.BACKGROUND;
        while (System.nanoTime() < deadline) {
            if (reader.next() == null) {
                return end();
            }
        }
        return true;
    }

    private boolean end() {
        try {
            closeAudio();
        } catch (java.io.IOException ignored) {
            // nothing more will be read from it
        }
        finished.countDown();
        return false;
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
