package dev.parley.plugins.speexdsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;
import dev.parley.testing.SpeechFixtures;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The real libspeexdsp preprocessor: it takes white noise down by several dB once its noise estimate has
 * converged (more for far_field), and leaves the level of clean speech fixtures nearly as it was.
 */
class SpeexDenoiseStreamTest {
    private static final int RATE = 16_000;

    private static DenoiseEngine engine() {
        return new SpeexDenoiseProvider().create(ComponentConfig.empty());
    }

    /** Seeded Gaussian white noise at {@code rms}. */
    static short[] whiteNoise(int samples, double rms, long seed) {
        Random r = new Random(seed);
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(r.nextGaussian() * rms)));
        }
        return s;
    }

    /** Runs all whole frames of {@code in} through a fresh stream; returns the output (the tail frame dropped). */
    static short[] denoise(DenoiseEngine engine, NoiseProfile profile, short[] in) {
        try (DenoiseStream s = engine.open(RATE, profile)) {
            int n = s.frameSamples();
            short[] out = new short[in.length / n * n];
            short[] frame = new short[n];
            for (int off = 0; off + n <= in.length; off += n) {
                System.arraycopy(in, off, frame, 0, n);
                s.process(frame);
                System.arraycopy(frame, 0, out, off, n);
            }
            return out;
        }
    }

    static double energyDb(short[] s, int from, int to) {
        double acc = 0;
        for (int i = from; i < to; i++) {
            acc += (double) s[i] * s[i];
        }
        return 10 * Math.log10(acc / Math.max(1, to - from) + 1e-9);
    }

    @Test
    void whiteNoiseIsAttenuatedAfterConvergenceAndFarFieldHarder() {
        DenoiseEngine engine = engine();
        short[] noise = whiteNoise(RATE * 5, 1000, 19);
        int from = RATE * 2; // the estimate has converged after the first 2 s
        double in = energyDb(noise, from, noise.length - RATE / 100);
        double near = in - energyDb(denoise(engine, NoiseProfile.NEAR_FIELD, noise), from, noise.length - RATE / 100);
        double far = in - energyDb(denoise(engine, NoiseProfile.FAR_FIELD, noise), from, noise.length - RATE / 100);
        System.out.printf("speexdsp white noise (RMS 1000) attenuation after 2 s: near_field %.1f dB, far_field %.1f dB%n",
                near, far);
        assertTrue(near >= 10, "near_field attenuates white noise by >= 10 dB: " + near);
        assertTrue(far >= near + 3, "far_field attenuates harder than near_field: " + far + " vs " + near);
    }

    @Test
    void cleanSpeechKeepsItsLevel() {
        DenoiseEngine engine = engine();
        for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
            short[] in = f.samples();
            short[] out = denoise(engine, NoiseProfile.NEAR_FIELD, in);
            double change = energyDb(out, 0, out.length) - energyDb(in, 0, out.length);
            System.out.printf("speexdsp near_field on %s: level %+.2f dB%n", f.file(), change);
            assertTrue(change > -3 && change < 1, f.file() + " level changed by " + change + " dB");
        }
    }

    @Test
    void aProfileChangeRetunesTheAttenuationLimit() {
        DenoiseEngine engine = engine();
        try (SpeexDenoiseStream s = (SpeexDenoiseStream) engine.open(RATE, NoiseProfile.NEAR_FIELD)) {
            assertEquals(-15, s.suppressDb());
            assertEquals(160, s.frameSamples(), "10 ms at 16 kHz");
            s.profile(NoiseProfile.FAR_FIELD);
            assertEquals(-25, s.suppressDb());
        }
    }

    @Test
    void framesOfTheWrongSizeAndBadConfigAreRefused() {
        DenoiseEngine engine = new SpeexDenoiseProvider().create(new ComponentConfig(Map.of("frame_ms", 20,
                "far_field_suppress_db", -40), "test"));
        try (DenoiseStream s = engine.open(8000, NoiseProfile.FAR_FIELD)) {
            assertEquals(160, s.frameSamples(), "20 ms at 8 kHz");
            assertEquals(-40, ((SpeexDenoiseStream) s).suppressDb());
            assertThrows(IllegalArgumentException.class, () -> s.process(new short[100]));
        }
        assertThrows(IllegalArgumentException.class, () -> engine.open(11025, NoiseProfile.NEAR_FIELD));
        ConfigException e = assertThrows(ConfigException.class, () -> SpeexDenoiseConfig.from(
                new ComponentConfig(Map.of("frame_ms", 15), "x.yaml:3 stages.denoise.config")));
        assertTrue(e.getMessage().contains("frame_ms"), e.getMessage());
        assertThrows(ConfigException.class, () -> SpeexDenoiseConfig.from(
                new ComponentConfig(Map.of("near_field_suppress_db", 5), "x")));
    }
}
