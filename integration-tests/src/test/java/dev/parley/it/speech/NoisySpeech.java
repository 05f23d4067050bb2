package dev.parley.it.speech;

import java.util.Random;

/**
 * Seeded noise for the noise-reduction benchmark, and speech mixed with it at a given SNR. The speech level is the
 * RMS over the fixture's 20 ms frames with RMS ≥ 100 (its pauses and lead-in silence left out), so an SNR means the
 * same for a fixture with long pauses as for one without.
 */
final class NoisySpeech {
    /** The noises of the benchmark. */
    enum Noise {
        /** Flat spectrum. */
        WHITE,
        /** −3 dB per octave (Paul Kellet's refined filter of white noise), closer to room and traffic noise. */
        PINK
    }

    private NoisySpeech() {
    }

    /** {@code samples} of {@code noise} at RMS {@code rms}. */
    static short[] noise(Noise noise, int samples, double rms, long seed) {
        Random r = new Random(seed);
        double[] x = new double[samples];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (int i = 0; i < samples; i++) {
            double w = r.nextGaussian();
            if (noise == Noise.WHITE) {
                x[i] = w;
                continue;
            }
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
            b6 = w * 0.115926;
        }
        double acc = 0;
        for (double v : x) {
            acc += v * v;
        }
        double scale = rms / Math.sqrt(acc / Math.max(1, samples));
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = clip(x[i] * scale);
        }
        return out;
    }

    /** Active speech level (see the class comment). */
    static double speechRms(short[] speech) {
        int frame = 320;
        double acc = 0;
        long n = 0;
        for (int off = 0; off + frame <= speech.length; off += frame) {
            double f = 0;
            for (int i = off; i < off + frame; i++) {
                f += (double) speech[i] * speech[i];
            }
            if (Math.sqrt(f / frame) >= 100) {
                acc += f;
                n += frame;
            }
        }
        return Math.sqrt(acc / Math.max(1, n));
    }

    /** {@code speech} plus {@code noise} from {@code noiseOffset} on (long enough). */
    static short[] mix(short[] speech, short[] noise, int noiseOffset) {
        short[] out = new short[speech.length];
        for (int i = 0; i < speech.length; i++) {
            out[i] = clip(speech[i] + noise[noiseOffset + i]);
        }
        return out;
    }

    /** The noise RMS that puts noise {@code snrDb} below a speech level of {@code speechRms}. */
    static double noiseRms(double speechRms, double snrDb) {
        return speechRms / Math.pow(10, snrDb / 20);
    }

    static short clip(double v) {
        return (short) Math.max(-32768, Math.min(32767, Math.round(v)));
    }
}
