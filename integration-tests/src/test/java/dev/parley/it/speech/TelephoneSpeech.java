package dev.parley.it.speech;

import dev.parley.runtime.audio.ImageBandNoise;
import dev.parley.runtime.audio.SpectralFold;
import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.input.NarrowbandInput;

/**
 * The telephone versions of a 16 kHz fixture, made with the runtime's own codec and resampler: 16 → 8 kHz
 * (windowed-sinc low-pass), G.711 encoded and decoded, then brought back to 16 kHz the way the input path does for
 * the recogniser: plain resampling ({@code narrowband: lowpass}), that plus {@link SpectralFold}
 * ({@code narrowband: spectral_fold}), or the interpolating resampler plus the fold, which is zero insertion of
 * the decoded 8 kHz samples ({@code narrowband: zero_insertion}), with a 4–8 kHz noise floor for
 * {@code zero_insertion_noise}. The 16 → 8 kHz step is the runtime's resampler,
 * whose low-pass (−6 dB at 3.4 kHz, a 3.8 kHz tone down > 40 dB: {@code ZeroInsertionTest}) already makes the
 * upper edge of a telephone channel (300–3400 Hz); its lower edge is not modelled.
 */
public final class TelephoneSpeech {
    private TelephoneSpeech() {
    }

    /** The wire bytes a telephone client sends for {@code pcm16k} in {@code format} (PCMU or PCMA). */
    public static byte[] encode(short[] pcm16k, WireFormat format) {
        short[] at8k = resample(pcm16k, 16000, 8000);
        return WireCodec.encode(format, at8k, 0, at8k.length);
    }

    /** What the recogniser gets from {@code wire}, at 16 kHz, the way the input path makes it for {@code option}. */
    static short[] toRecogniser(byte[] wire, WireFormat format, NarrowbandInput option) {
        short[] at16k = run(option.upsampler(8000, 16000), WireCodec.decode(format, wire));
        if (option != NarrowbandInput.LOWPASS) {
            new SpectralFold().apply(at16k, 0, at16k.length);
        }
        ImageBandNoise noise = option.imageNoise();
        if (noise != null) {
            noise.addTo(at16k, 0, at16k.length);
        }
        return at16k;
    }

    static short[] resample(short[] in, int from, int to) {
        return run(new StreamingResampler(from, to), in);
    }

    private static short[] run(StreamingResampler r, short[] in) {
        short[] body = r.process(in, 0, in.length);
        short[] tail = r.flush();
        short[] out = new short[body.length + tail.length];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(tail, 0, out, body.length, tail.length);
        return out;
    }
}
