package dev.parley.runtime.engine.response;

import dev.parley.runtime.engine.WireFormat;
import java.util.ArrayDeque;

/**
 * Cuts a stream of encoded output audio into deltas of a steady size (the first one smaller and sent with the
 * first audio, so the first sound leaves sooner), and releases each clause's transcript just before the delta in
 * which that clause's audio starts. Only the last delta of a response may be shorter. Not thread-safe (used on the
 * session actor).
 */
final class AudioDeltaPacer {
    /** Where the pacer's output goes. */
    interface Sink {
        void text(String delta);

        void audio(byte[] wire, long durationMs);
    }

    private record PendingText(String text, int offset) {
    }

    private final WireFormat format;
    private final int deltaBytes;
    private final int firstDeltaBytes;
    private final Sink sink;
    private final ArrayDeque<PendingText> texts = new ArrayDeque<>();
    private byte[] buf;
    private int len;
    private boolean firstSent;

    AudioDeltaPacer(WireFormat format, int deltaMs, int firstDeltaMs, Sink sink) {
        this.format = format;
        this.deltaBytes = bytesFor(format, deltaMs);
        this.firstDeltaBytes = bytesFor(format, firstDeltaMs);
        this.sink = sink;
        this.buf = new byte[deltaBytes * 2];
    }

    private static int bytesFor(WireFormat f, int ms) {
        return Math.max(1, f.sampleRate() * ms / 1000) * f.bytesPerSample();
    }

    /** A clause's transcript: released before the audio added after it. */
    void text(String text) {
        if (len == 0 && texts.isEmpty()) {
            sink.text(text);
        } else {
            texts.add(new PendingText(text, len));
        }
    }

    void audio(byte[] wire) {
        int off = 0;
        while (off < wire.length) {
            int target = firstSent ? deltaBytes : firstDeltaBytes;
            int n = Math.min(wire.length - off, target - len);
            ensure(len + n);
            System.arraycopy(wire, off, buf, len, n);
            len += n;
            off += n;
            if (len >= target) {
                emit(len);
            }
        }
        if (!firstSent && len > 0) {
            // The first sound leaves with the first audio, even short of the first delta's size: TTS chunks come
            // out of the output resampler ~1 ms short of their length, and waiting for the next one put a TTS
            // chunk's production time on the time to first audio.
            emit(len);
        }
    }

    /** Sends whatever is held (end of response). */
    void flush() {
        if (len > 0) {
            emit(len);
        }
        while (!texts.isEmpty()) {
            sink.text(texts.poll().text());
        }
    }

    private void emit(int n) {
        while (!texts.isEmpty() && texts.peek().offset() < n) {
            sink.text(texts.poll().text());
        }
        byte[] delta = new byte[n];
        System.arraycopy(buf, 0, delta, 0, n);
        len = 0;
        int waiting = texts.size(); // texts still queued were added after all held audio: they now start at 0
        for (int i = 0; i < waiting; i++) {
            texts.add(new PendingText(texts.poll().text(), 0));
        }
        firstSent = true;
        sink.audio(delta, format.millis(n));
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
        }
    }
}
