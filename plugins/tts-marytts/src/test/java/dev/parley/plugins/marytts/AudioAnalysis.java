package dev.parley.plugins.marytts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measurements on PCM16 speech used by the tests: voiced duration and fundamental frequency. */
final class AudioAnalysis {
    private AudioAnalysis() {
    }

    /** Seconds between the first and last 10 ms frame whose RMS exceeds 1 % of full scale (leading/trailing silence ignored). */
    static double speechSeconds(short[] s, int rate) {
        int frame = rate / 100;
        int first = -1;
        int last = -1;
        for (int f = 0; (f + 1) * frame <= s.length; f++) {
            double e = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                e += (double) s[i] * s[i];
            }
            if (Math.sqrt(e / frame) > 327) {
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        return first < 0 ? 0 : (last - first + 1) / 100.0;
    }

    /**
     * Median F0 in Hz over voiced 40 ms frames, by normalised autocorrelation between 60 and 400 Hz on a copy
     * decimated to 8 kHz (cheap, and F0 lives far below 4 kHz). A frame counts as voiced when its best
     * normalised autocorrelation exceeds 0.6.
     */
    static double medianF0(short[] s, int rate) {
        int step = Math.max(1, rate / 8000);
        int r = rate / step;
        double[] x = new double[s.length / step];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int k = 0; k < step; k++) {
                sum += s[i * step + k];
            }
            x[i] = sum / step;
        }
        int win = r / 25;
        int minLag = r / 400;
        int maxLag = r / 60;
        List<Double> f0s = new ArrayList<>();
        for (int start = 0; start + win + maxLag < x.length; start += win / 2) {
            double e0 = energy(x, start, win);
            if (e0 / win < 300.0 * 300.0) {
                continue;
            }
            double best = 0;
            int bestLag = 0;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double c = 0;
                for (int i = 0; i < win; i++) {
                    c += x[start + i] * x[start + i + lag];
                }
                double norm = c / Math.sqrt(e0 * energy(x, start + lag, win));
                if (norm > best) {
                    best = norm;
                    bestLag = lag;
                }
            }
            if (best > 0.6) {
                f0s.add((double) r / bestLag);
            }
        }
        if (f0s.isEmpty()) {
            return 0;
        }
        Collections.sort(f0s);
        return f0s.get(f0s.size() / 2);
    }

    /**
     * Magnitude-weighted mean frequency (Hz) of 0–8 kHz over loud 2048-sample Hann frames: where the spectral
     * envelope's weight sits, so formants moving down lower it. A plain DFT over the bins needed; test-only.
     */
    static double spectralCentroid(short[] s, int rate) {
        int n = 2048;
        int maxBin = (int) (8000L * n / rate);
        double weighted = 0;
        double total = 0;
        for (int start = 0; start + n <= s.length; start += n) {
            if (energy(s, start, n) / n < 1e6) {
                continue;
            }
            for (int k = 1; k < maxBin; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    double x = s[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
                    double a = 2 * Math.PI * k * i / n;
                    re += x * Math.cos(a);
                    im -= x * Math.sin(a);
                }
                double mag = Math.hypot(re, im);
                weighted += mag * k * rate / (double) n;
                total += mag;
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    private static double energy(short[] x, int start, int n) {
        double e = 0;
        for (int i = start; i < start + n; i++) {
            e += (double) x[i] * x[i];
        }
        return e;
    }

    private static double energy(double[] x, int start, int n) {
        double e = 0;
        for (int i = start; i < start + n; i++) {
            e += x[i] * x[i];
        }
        return e;
    }
}
