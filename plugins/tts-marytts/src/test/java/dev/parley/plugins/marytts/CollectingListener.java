package dev.parley.plugins.marytts;

import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test listener: records every callback in order, with arrival times, and lets a test wait for the end. */
class CollectingListener implements TtsListener {
    final List<AudioChunk> chunks = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final CountDownLatch finished = new CountDownLatch(1);
    volatile Throwable error;
    volatile long firstAudioNanos;
    volatile long doneNanos;

    @Override
    public synchronized void onAudio(AudioChunk chunk) {
        if (chunks.isEmpty()) {
            firstAudioNanos = System.nanoTime();
        }
        chunks.add(chunk);
        events.add("audio");
    }

    @Override
    public synchronized void onDone() {
        doneNanos = System.nanoTime();
        events.add("done");
        finished.countDown();
    }

    @Override
    public synchronized void onError(Throwable e) {
        error = e;
        events.add("error");
        finished.countDown();
    }

    /** Waits for onDone/onError; fails if neither comes within a generous bound. */
    CollectingListener await() throws InterruptedException {
        if (!finished.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("synthesis did not finish within 60 s; events " + events.size());
        }
        return this;
    }

    synchronized int chunkCount() {
        return chunks.size();
    }

    synchronized short[] samples() {
        int n = chunks.stream().mapToInt(c -> c.samples().length).sum();
        short[] out = new short[n];
        int pos = 0;
        for (AudioChunk c : chunks) {
            System.arraycopy(c.samples(), 0, out, pos, c.samples().length);
            pos += c.samples().length;
        }
        return out;
    }
}
