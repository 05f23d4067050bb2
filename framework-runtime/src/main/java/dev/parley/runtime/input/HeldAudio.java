package dev.parley.runtime.input;

import java.util.Arrays;

/**
 * The current utterance's audio as the recogniser got it, kept so a void speculative final can be redone over the
 * whole utterance. Bounded: past {@code maxSamples} it stops holding and says so. Reused across utterances.
 */
final class HeldAudio {
    private final int maxSamples;
    private short[] samples = new short[0];
    private int size;
    private boolean overflowed;

    HeldAudio(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    void add(short[] s) {
        if (overflowed) {
            return;
        }
        if (size + s.length > maxSamples) {
            overflowed = true;
            return;
        }
        if (size + s.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(maxSamples, Math.max(size + s.length, samples.length * 2)));
        }
        System.arraycopy(s, 0, samples, size, s.length);
        size += s.length;
    }

    int size() {
        return size;
    }

    boolean overflowed() {
        return overflowed;
    }

    short[] copy() {
        return Arrays.copyOf(samples, size);
    }

    void clear() {
        if (samples.length > maxSamples / 6) {
            samples = new short[0]; // a long utterance's buffer is not kept for the whole session
        }
        size = 0;
        overflowed = false;
    }
}
