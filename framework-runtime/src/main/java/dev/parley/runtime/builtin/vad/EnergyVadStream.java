package dev.parley.runtime.builtin.vad;

import dev.parley.api.vad.VadStream;

/**
 * One session's energy VAD. Per frame: level in dBFS, its height above the {@link NoiseFloor}, the
 * {@link PitchPeriodicity} of the last 40 ms and the frame's lag-1 autocorrelation r1. Probability =
 * loudness × voicing, where
 * <pre>
 *   loudness  = σ((level − floor − snr_mid_db) / snr_slope_db) · σ((level − min_level_dbfs) / 2 dB)
 *   sibilance = σ((sibilant_r1 − r1) / 0.06), only for the first {@value #SIBILANT_RUN_MS} ms of a sibilant run
 *   voicing   = unvoiced_weight + (1 − unvoiced_weight) · max(σ((periodicity − voicing_mid) / 0.06), sibilance)
 * </pre>
 * so a voiced frame well above the floor scores near 1, the floor itself near 0, and loud noise without pitch at
 * most {@code unvoiced_weight}: the protocol threshold 0.5 then means "clearly above the background and voiced
 * or sibilant". The sibilance cue exists for speech that starts with /s/, /ʃ/, /z/ ("Stop", "Sure"): their energy
 * lies above 4 kHz, which makes neighbouring samples anti-correlated (r1 ≈ −0.85 on flite's "Stop"), while white
 * noise has r1 ≈ 0 (−0.09…0.26 over the fixture's 20 ms frames) and speech-shaped noise r1 ≈ 0.97. Without it
 * "Stop" scored at most 0.2 until its vowel, 220 ms after the /s/ began, and the onset came 320 ms late. A hiss
 * as sharp as an /s/ counts only for a run of {@value #SIBILANT_RUN_MS} ms (no /s/ lasts longer), and a steady
 * one becomes the noise floor within {@code noise_window_ms}.
 */
final class EnergyVadStream implements VadStream {
    private static final int ANALYSIS_SAMPLES = 640; // 40 ms: two periods of a 67 Hz voice
    private static final double VOICING_SLOPE = 0.06;
    private static final double LEVEL_GATE_SLOPE_DB = 2;
    private static final double SILENCE_DB = -100;
    private static final double SIBILANCE_SLOPE = 0.06;
    static final int SIBILANT_RUN_MS = 400;

    private final EnergyVadConfig config;
    private final int frameSamples;
    private final float[] window;
    private final PitchPeriodicity periodicity;
    private final NoiseFloor noiseFloor;
    private final int sibilantRunFrames;
    /** Consecutive sibilant frames so far. */
    private int sibilantRun;

    EnergyVadStream(EnergyVadConfig config) {
        this.config = config;
        this.frameSamples = config.frameSamples();
        this.window = new float[Math.max(ANALYSIS_SAMPLES, frameSamples)];
        this.periodicity = new PitchPeriodicity(window.length);
        this.noiseFloor = new NoiseFloor(Math.max(1, config.noiseWindowMs() / config.frameMs()), config.minLevelDbfs());
        this.sibilantRunFrames = SIBILANT_RUN_MS / config.frameMs();
    }

    @Override
    public float speechProbability(short[] frame) {
        if (frame.length != frameSamples) {
            throw new IllegalArgumentException("energy VAD expects frames of " + frameSamples + " samples, got "
                    + frame.length);
        }
        // Slide the analysis window: keep its tail, append this frame.
        System.arraycopy(window, frameSamples, window, 0, window.length - frameSamples);
        double sum = 0;
        int base = window.length - frameSamples;
        for (int i = 0; i < frameSamples; i++) {
            float v = frame[i];
            window[base + i] = v;
            sum += (double) v * v;
        }
        double meanSquare = sum / frameSamples / (32768.0 * 32768.0);
        double levelDb = meanSquare > 1e-10 ? 10 * Math.log10(meanSquare) : SILENCE_DB;
        double floorDb = noiseFloor.update(levelDb);
        double loudness = logistic((levelDb - floorDb - config.snrMidDb()) / config.snrSlopeDb())
                * logistic((levelDb - config.minLevelDbfs()) / LEVEL_GATE_SLOPE_DB);
        if (loudness < 1e-3) {
            sibilantRun = 0;
            return (float) loudness; // no need to look for pitch in the background
        }
        double w = config.unvoicedWeight();
        double pitch = logistic((periodicity.of(window) - config.voicingMid()) / VOICING_SLOPE);
        double voicing = w + (1 - w) * Math.max(pitch, sibilance(frame));
        return (float) (loudness * voicing);
    }

    private double sibilance(short[] frame) {
        if (config.sibilantR1() <= -1) {
            return 0; // cue off
        }
        double cue = logistic((config.sibilantR1() - lag1Correlation(frame)) / SIBILANCE_SLOPE);
        sibilantRun = cue >= 0.5 ? sibilantRun + 1 : 0;
        return sibilantRun > sibilantRunFrames ? 0 : cue;
    }

    /** Normalised lag-1 autocorrelation of the frame without its mean: +1 for low, −1 for the highest pitch. */
    private static double lag1Correlation(short[] frame) {
        double mean = 0;
        for (short v : frame) {
            mean += v;
        }
        mean /= frame.length;
        double energy = 0;
        double lag1 = 0;
        double prev = frame[0] - mean;
        energy += prev * prev;
        for (int i = 1; i < frame.length; i++) {
            double x = frame[i] - mean;
            energy += x * x;
            lag1 += x * prev;
            prev = x;
        }
        return energy > 0 ? lag1 / energy : 0;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(window, 0);
        noiseFloor.reset();
        sibilantRun = 0;
    }
}
