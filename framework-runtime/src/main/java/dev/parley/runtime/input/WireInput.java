package dev.parley.runtime.input;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;

/**
 * The wire side of the input path: the session's input format, the audio clock (milliseconds appended since the
 * session began, cumulative across formats), pcm16 sample alignment across appends, and decoding plus
 * resampling to the pipeline rate, then the session's noise suppression ({@link InputDenoiser}) when it is on.
 */
final class WireInput {
    /** No pcm16 byte is waiting for its partner. */
    private static final int NO_CARRY = -1;

    private final int pipelineRate;
    private final InputDenoiser denoiser;
    private final NarrowbandInput narrowband;
    private WireFormat format;
    private StreamingResampler toPipeline;
    /** The audio clock: milliseconds before the current format, plus the bytes appended in it. */
    private long msBeforeFormat;
    private long bytesInFormat;
    /** A pcm16 byte waiting for its partner from the next append, or {@link #NO_CARRY}. */
    private int carry = NO_CARRY;

    /**
     * @param denoise    the pipeline's noise suppressor, or null when it has none
     * @param narrowband the stt stage's choice for 8 kHz input, which picks the resampler from such a wire format
     */
    WireInput(int pipelineRate, DenoiseEngine denoise, NarrowbandInput narrowband) {
        this.pipelineRate = pipelineRate;
        this.narrowband = narrowband;
        this.denoiser = new InputDenoiser(denoise, pipelineRate);
    }

    /** The session's {@code noise_reduction}: null is off; without a denoise stage it stays off. */
    void noiseReduction(NoiseProfile profile) {
        denoiser.configure(profile);
    }

    WireFormat format() {
        return format;
    }

    /**
     * Switches to {@code next}: the clock goes on, the resampler starts afresh. Returns the output samples the new
     * resampler holds back for its look-ahead ({@link StreamingResampler#lagSamples()}).
     */
    int switchTo(WireFormat next) {
        msBeforeFormat = format == null ? 0 : audioMs();
        bytesInFormat = 0;
        format = next;
        carry = NO_CARRY;
        toPipeline = narrowband.upsampler(next.sampleRate(), pipelineRate);
        denoiser.align(toPipeline.lagSamples());
        return toPipeline.lagSamples();
    }

    long audioMs() {
        return msBeforeFormat + format.millis(bytesInFormat);
    }

    /**
     * pcm16 appends may split a sample across two events: the odd byte is carried to the next append, so the
     * stream never slips by a byte. Returns whole samples only.
     */
    byte[] alignToSamples(byte[] in) {
        boolean hasCarry = carry != NO_CARRY;
        int total = in.length + (hasCarry ? 1 : 0);
        if (format.bytesPerSample() == 1 || (!hasCarry && total % 2 == 0)) {
            return in;
        }
        byte[] out = new byte[total & ~1];
        if (out.length == 0) {
            if (!hasCarry) {
                carry = in[0] & 0xff;
            }
            return out;
        }
        int o = 0;
        if (hasCarry) {
            out[o++] = (byte) carry;
        }
        System.arraycopy(in, 0, out, o, out.length - o);
        carry = total % 2 == 1 ? in[in.length - 1] & 0xff : NO_CARRY;
        return out;
    }

    /** Counts whole-sample wire audio on the clock and returns it decoded, at the pipeline rate. */
    short[] decode(byte[] wireAudio) {
        int len = wireAudio.length;
        bytesInFormat += len;
        short[] pcm = new short[WireCodec.samplesIn(format, len)];
        WireCodec.decode(format, wireAudio, 0, len, pcm, 0);
        return denoiser.apply(toPipeline.process(pcm, 0, pcm.length));
    }

    /** Forgets a carried byte and the samples of a part-filled denoise frame (buffer cleared). */
    void clear() {
        carry = NO_CARRY;
        denoiser.clear();
    }

    void close() {
        denoiser.close();
    }
}
