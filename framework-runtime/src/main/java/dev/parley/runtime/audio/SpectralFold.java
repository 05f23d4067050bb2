package dev.parley.runtime.audio;

/**
 * Bandwidth extension by spectral folding, for narrowband speech (G.711, 8 kHz) going to a wideband (16 kHz)
 * recogniser. A proper 8 → 16 kHz resampler leaves 4–8 kHz empty, and a 16 kHz acoustic model reads the empty band
 * as "no fricatives". Zero-insertion upsampling instead keeps the spectral image: the 0–4 kHz band mirrored into
 * 4–8 kHz, which gives the model's upper filters energy where speech has it. On audio that is already at 16 kHz
 * and band-limited to 4 kHz, zero insertion is the same as keeping every other sample and zeroing the rest:
 * {@code y[n] = x[n]·(1 + (−1)^n)}, whose (−1)^n term is the mirror. That factor also doubles the even samples,
 * the +6 dB that restores the level zero insertion halves.
 *
 * <p>Stateful only in the parity of the next sample, so chunks of any size fold as one stream.
 */
public final class SpectralFold {
    private boolean nextEven = true;

    /** Folds {@code len} samples of {@code s} from {@code off}, in place. */
    public void apply(short[] s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (nextEven) {
                int v = 2 * s[i];
                s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            } else {
                s[i] = 0;
            }
            nextEven = !nextEven;
        }
    }

    /** A new stream starts (phase is free, but must not change inside one). */
    public void reset() {
        nextEven = true;
    }
}
