package dev.parley.runtime.input;

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
        // only the last ring.length samples can stay; copy them in at most two runs
        int skip = Math.max(0, len - ring.length);
        next = (int) ((next + (long) skip) % ring.length);
        int left = len - skip;
        int first = Math.min(left, ring.length - next);
        System.arraycopy(samples, off + skip, ring, next, first);
        System.arraycopy(samples, off + skip + first, ring, 0, left - first);
        next = (next + left) % ring.length;
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
