package dev.parley.runtime.engine.input;

import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.audio.ByteChunks;

/**
 * Keeps the input audio as the client sent it (wire format) for {@code conversation.item.retrieve}: always the
 * last few hundred milliseconds (so an utterance can start with its prefix padding), and, while an utterance is
 * open, everything since its start.
 */
final class WireRecorder {
    private final WireFormat format;
    private final byte[] ring;
    private int next;
    private int size;
    private ByteChunks utterance;

    WireRecorder(WireFormat format, int ringMs) {
        this.format = format;
        int bytes = (int) ((long) format.sampleRate() * ringMs / 1000) * format.bytesPerSample();
        this.ring = new byte[Math.max(format.bytesPerSample(), bytes)];
    }

    void add(byte[] wire) {
        int len = wire.length - wire.length % format.bytesPerSample();
        // only the last ring.length bytes can stay; copy them in at most two runs
        int skip = Math.max(0, len - ring.length);
        next = (int) ((next + (long) skip) % ring.length);
        int left = len - skip;
        int first = Math.min(left, ring.length - next);
        System.arraycopy(wire, skip, ring, next, first);
        System.arraycopy(wire, skip + first, ring, 0, left - first);
        next = (next + left) % ring.length;
        size = Math.min(ring.length, size + len);
        if (utterance != null) {
            utterance.addCopy(wire, 0, len); // a copy: the caller owns wire
        }
    }

    /** Starts an utterance with the last {@code prefixMs} of audio already held (as much as the ring has). */
    void startUtterance(long prefixMs) {
        utterance = new ByteChunks();
        int want = (int) Math.min(size, (long) format.sampleRate() * prefixMs / 1000 * format.bytesPerSample());
        int start = next - want;
        if (start < 0) {
            start += ring.length;
        }
        int first = Math.min(want, ring.length - start);
        utterance.addCopy(ring, start, first);
        utterance.addCopy(ring, 0, want - first);
    }

    /** Ends the utterance and returns its audio. */
    byte[] endUtterance() {
        byte[] out = utterance == null ? new byte[0] : utterance.toByteArray();
        utterance = null;
        return out;
    }

    /** Milliseconds held by the ring. */
    long ringMs() {
        return format.millis(size);
    }

    /** Forgets everything (buffer cleared, or the utterance dropped). */
    void clear() {
        next = 0;
        size = 0;
        utterance = null;
    }
}
