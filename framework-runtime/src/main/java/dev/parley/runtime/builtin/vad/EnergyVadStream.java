package dev.parley.runtime.builtin.vad;

import dev.parley.api.vad.VadStream;

/**
 * One session's energy VAD. Per frame: level in dBFS, its height above the {@link NoiseFloor}, and the
 * {@link PitchPeriodicity} of the last 40 ms. Probability = loudness × voicing, where
 * <pre>
 *   loudness = σ((level − floor − snr_mid_db) / snr_slope_db) · σ((level − min_level_dbfs) / 2 dB)
 *   voicing  = unvoiced_weight + (1 − unvoiced_weight) · σ((periodicity − voicing_mid) / 0.06)
 * </pre>
 * so a voiced frame well above the floor scores near 1, the floor itself near 0, and loud noise without pitch at
 * most {@code unvoiced_weight}: the protocol threshold 0.5 then means "clearly above the background and voiced".
 */
final class EnergyVadStream implements VadStream {
    private static final int ANALYSIS_SAMPLES = 640; // 40 ms: two periods of a 67 Hz voice
    private static final double VOICING_SLOPE = 0.06;
    private static final double LEVEL_GATE_SLOPE_DB = 2;
    private static final double SILENCE_DB = -100;

    private final EnergyVadConfig config;
    private final int frameSamples;
    private final float[] window;
    private final PitchPeriodicity periodicity;
    private final NoiseFloor noiseFloor;

    EnergyVadStream(EnergyVadConfig config) {
        this.config = config;
        this.frameSamples = config.frameSamples();
        this.window = new float[Math.max(ANALYSIS_SAMPLES, frameSamples)];
        this.periodicity = new PitchPeriodicity(window.length);
        this.noiseFloor = new NoiseFloor(Math.max(1, config.noiseWindowMs() / config.frameMs()), config.minLevelDbfs());
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
            return (float) loudness; // no need to look for pitch in the background
        }
        double w = config.unvoicedWeight();
        double voicing = w + (1 - w) * logistic((periodicity.of(window) - config.voicingMid()) / VOICING_SLOPE);
        return (float) (loudness * voicing);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(window, 0);
        noiseFloor.reset();
    }
}
