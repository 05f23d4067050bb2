package dev.parley.runtime.input;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;

import java.util.Arrays;

/**
 * The session's noise suppression between decoding and VAD/STT: off (samples pass untouched) unless the session's
 * {@code noise_reduction} names a profile and the pipeline has a {@code denoise:} stage. When on, samples are cut
 * into the stream's frames and denoised in place. Frame boundaries follow the same lead as the VAD frames
 * ({@link #align}), so with appends of whole 10 ms a frame completes with the append that holds its last sample
 * and denoising adds no delay to onsets or turn ends; otherwise it holds back less than one frame (10 ms).
 */
final class InputDenoiser implements AutoCloseable {
    private static final short[] NONE = new short[0];

    private final DenoiseEngine engine;
    private final int rate;
    private DenoiseStream stream;
    private short[] frame;
    private int filled;
    /** Leading samples of the current frame that were passed through before the stream was on; not emitted again. */
    private int skip;
    /** Samples seen since the last {@link #align}, plus the lead: where frame boundaries fall. */
    private long position;
    private NoiseProfile profile;
    /** Samples held in a frame when suppression went off, emitted unprocessed ahead of the next samples. */
    private short[] pending = NONE;

    /** @param engine the pipeline's suppressor, or null when it has none (then always off) */
    InputDenoiser(DenoiseEngine engine, int rate) {
        this.engine = engine;
        this.rate = rate;
    }

    /** The profile in effect, or null when off. */
    NoiseProfile profile() {
        return profile;
    }

    /**
     * Turns suppression on, retunes it, or turns it off ({@code null}), from the next samples on. Turning off
     * loses nothing: the partial frame comes out of the next {@link #apply}, unprocessed.
     */
    void configure(NoiseProfile next) {
        NoiseProfile effective = engine == null ? null : next;
        if (effective == profile) {
            return;
        }
        if (effective == null) {
            pending = Arrays.copyOfRange(frame, skip, filled);
            position -= pending.length; // counted again when apply passes them on
            closeStream();
        } else if (stream == null) {
            stream = engine.open(rate, effective);
            frame = new short[stream.frameSamples()];
            filled = (int) (position % frame.length);
            skip = filled;
        } else {
            stream.profile(effective);
        }
        profile = effective;
    }

    /** Samples in, denoised samples out (the same array when off and nothing is held back). */
    short[] apply(short[] samples) {
        if (pending.length > 0) {
            short[] joined = Arrays.copyOf(pending, pending.length + samples.length);
            System.arraycopy(samples, 0, joined, pending.length, samples.length);
            samples = joined;
            pending = NONE;
        }
        if (stream == null) {
            position += samples.length;
            return samples;
        }
        short[] out = new short[filled - skip + samples.length];
        int produced = 0;
        int off = 0;
        while (off < samples.length) {
            int n = Math.min(samples.length - off, frame.length - filled);
            System.arraycopy(samples, off, frame, filled, n);
            filled += n;
            off += n;
            if (filled == frame.length) {
                stream.process(frame);
                System.arraycopy(frame, skip, out, produced, frame.length - skip);
                produced += frame.length - skip;
                filled = 0;
                skip = 0;
            }
        }
        position += samples.length;
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }

    /** Frame boundaries restart {@code leadSamples} into a frame, as {@link FrameAssembler#align} does. */
    void align(int leadSamples) {
        position = leadSamples;
        if (stream != null) {
            filled = leadSamples % frame.length;
            skip = filled;
        }
    }

    /** Silences the samples of the frame being filled (buffer cleared), as {@link FrameAssembler#clear} does. */
    void clear() {
        Arrays.fill(pending, (short) 0);
        if (stream != null) {
            Arrays.fill(frame, skip, filled, (short) 0);
        }
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
            frame = null;
        }
    }

    @Override
    public void close() {
        closeStream();
    }
}
