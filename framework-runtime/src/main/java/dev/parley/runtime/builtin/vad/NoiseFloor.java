package dev.parley.runtime.builtin.vad;

import java.util.Arrays;

/**
 * Tracks the background level as the minimum frame level over a sliding window (minimum statistics): speech
 * has pauses and closures, so the minimum over a second or two is the noise under it, whatever its level. A
 * new, louder noise is learned after one window; a quieter one at once. Kept as a ring of sub-window minima so
 * each update costs O(1). Levels are in dBFS.
 */
final class NoiseFloor {
    private static final int SUB_WINDOWS = 8;
    private final double[] subMinima = new double[SUB_WINDOWS];
    private final int framesPerSub;
    private int framesInSub;
    private int current;
    private double currentMin;
    private int filled;

    private final double initialDb;

    /**
     * @param windowFrames frames the minimum is taken over
     * @param initialDb    assumed background before any audio (a quiet room), so speech in the very first
     *                     frames stands out instead of becoming the floor; it leaves the window like any frame
     */
    NoiseFloor(int windowFrames, double initialDb) {
        this.framesPerSub = Math.max(1, (windowFrames + SUB_WINDOWS - 1) / SUB_WINDOWS);
        this.initialDb = initialDb;
        reset();
    }

    /** Adds one frame's level and returns the floor including it. */
    double update(double levelDb) {
        currentMin = Math.min(currentMin, levelDb);
        double floor = currentMin;
        for (int i = 0; i < filled; i++) {
            floor = Math.min(floor, subMinima[i]);
        }
        if (++framesInSub == framesPerSub) {
            subMinima[current] = currentMin;
            current = (current + 1) % SUB_WINDOWS;
            filled = Math.min(SUB_WINDOWS, filled + 1);
            framesInSub = 0;
            currentMin = Double.POSITIVE_INFINITY;
        }
        return floor;
    }

    void reset() {
        Arrays.fill(subMinima, Double.POSITIVE_INFINITY);
        framesInSub = 0;
        current = 0;
        filled = 0;
        currentMin = initialDb;
    }
}
