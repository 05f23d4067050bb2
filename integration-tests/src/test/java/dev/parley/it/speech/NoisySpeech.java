package dev.parley.it.speech;

import dev.parley.testing.SpeechFixtures;
import java.util.List;
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
        PINK,
        /** Six talkers, each saying the other fixtures one after another: a room of voices (speech, not noise). */
        BABBLE,
        /** Mains hum: 50 Hz and its harmonics to 300 Hz, falling 1/n in level (a ground loop, a fan). */
        HUM
    }

    private static final int BABBLE_TALKERS = 6;

    private NoisySpeech() {
    }

    /** {@code samples} of {@code noise} at RMS {@code rms}. */
    static short[] noise(Noise noise, int samples, double rms, long seed) {
        return noise(noise, samples, rms, seed, null);
    }

    /** Same, babble made without the fixture {@code excludeFile} (the sentence under test), when not null. */
    static short[] noise(Noise noise, int samples, double rms, long seed, String excludeFile) {
        Random r = new Random(seed);
        double[] x = switch (noise) {
            case BABBLE -> babble(samples, r, excludeFile);
            case HUM -> hum(samples, r);
            default -> coloured(noise, samples, r);
        };
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

    private static double[] babble(int samples, Random r, String excludeFile) {
        List<short[]> voices = SpeechFixtures.all().stream().filter(f -> !f.file().equals(excludeFile))
                .map(f -> trim(f.samples())).toList();
        double[] x = new double[samples];
        for (int talker = 0; talker < BABBLE_TALKERS; talker++) {
            int at = -r.nextInt(16_000 * 3); // each talker is somewhere in a sentence at the first sample
            while (at < samples) {
                short[] v = voices.get(r.nextInt(voices.size()));
                for (int i = Math.max(0, -at); i < v.length && at + i < samples; i++) {
                    x[at + i] += v[i];
                }
                at += v.length + r.nextInt(16_000 / 4); // a breath between sentences
            }
        }
        return x;
    }

    /** {@code s} without its silent lead-in and tail (20 ms frames under RMS 100), so a talker never pauses long. */
    private static short[] trim(short[] s) {
        int frame = 320;
        int first = -1;
        int last = -1;
        for (int off = 0; off + frame <= s.length; off += frame) {
            if (frameRms(s, off, frame) >= 100) {
                first = first < 0 ? off : first;
                last = off + frame;
            }
        }
        return first < 0 ? s : java.util.Arrays.copyOfRange(s, first, last);
    }

    private static double[] hum(int samples, Random r) {
        double[] phase = new double[6];
        for (int h = 0; h < phase.length; h++) {
            phase[h] = r.nextDouble() * 2 * Math.PI;
        }
        double[] x = new double[samples];
        for (int i = 0; i < samples; i++) {
            for (int h = 1; h <= phase.length; h++) {
                x[i] += Math.sin(2 * Math.PI * 50 * h * i / 16_000.0 + phase[h - 1]) / h;
            }
        }
        return x;
    }

    private static double[] coloured(Noise noise, int samples, Random r) {
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
        return x;
    }

    private static double frameRms(short[] s, int off, int frame) {
        double f = 0;
        for (int i = off; i < off + frame; i++) {
            f += (double) s[i] * s[i];
        }
        return Math.sqrt(f / frame);
    }

    /** The end (exclusive, in samples) of the last 20 ms frame of {@code speech} with RMS ≥ 100: its last word. */
    static int speechEnd(short[] speech) {
        int end = 0;
        for (int off = 0; off + 320 <= speech.length; off += 320) {
            if (frameRms(speech, off, 320) >= 100) {
                end = off + 320;
            }
        }
        return end;
    }

    /** The start (in samples) of the first 20 ms frame of {@code speech} with RMS ≥ 100: its first word. */
    static int speechStart(short[] speech) {
        for (int off = 0; off + 320 <= speech.length; off += 320) {
            if (frameRms(speech, off, 320) >= 100) {
                return off;
            }
        }
        return 0;
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
