package dev.parley.runtime.engine.input;

/**
 * The most recent PCM16 samples at the pipeline rate, so the audio just before a detected speech onset (the
 * prefix padding and the frames the onset needed) can still be handed to STT. Fixed capacity, no allocation
 * while adding.
 */
final class SampleRing {
    private final short[] ring;
    private int next;
    private int size;

    SampleRing(int capacity) {
        this.ring = new short[Math.max(1, capacity)];
    }

    int capacity() {
        return ring.length;
    }

    int size() {
        return size;
    }

    void add(short[] samples, int off, int len) {
        for (int i = 0; i < len; i++) {
            ring[next] = samples[off + i];
            next = next + 1 == ring.length ? 0 : next + 1;
        }
        size = Math.min(ring.length, size + len);
    }

    /** A copy of the last {@code n} samples (fewer if fewer are held), oldest first. */
    short[] last(int n) {
        int count = Math.min(Math.max(0, n), size);
        short[] out = new short[count];
        int start = next - count;
        if (start < 0) {
            start += ring.length;
        }
        int first = Math.min(count, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, count - first);
        return out;
    }

    void clear() {
        next = 0;
        size = 0;
    }
}
