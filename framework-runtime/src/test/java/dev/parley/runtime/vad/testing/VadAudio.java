package dev.parley.runtime.vad.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fixture audio for VAD tests: the WAVs under {@code testdata/vad/} (16 kHz mono PCM16) and the arithmetic to
 * lay them out at known offsets and mix them at a stated SNR. Shared with the vad-silero plugin's tests.
 */
public final class VadAudio {
    public static final int RATE = 16_000;

    private VadAudio() {
    }

    /** The repository root: the nearest directory upwards from {@code user.dir} holding {@code .mvn/}. */
    public static Path repoRoot() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve(".mvn"))) {
                return q;
            }
        }
        throw new IllegalStateException("no .mvn/ directory above " + p + ": run the tests inside the Parley repo");
    }

    /** Reads {@code testdata/vad/NAME} as samples in [-1, 1]. */
    public static double[] fixture(String name) {
        Path f = repoRoot().resolve("testdata/vad").resolve(name);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
            AudioFormat fmt = in.getFormat();
            if (fmt.getSampleRate() != RATE || fmt.getChannels() != 1 || fmt.getSampleSizeInBits() != 16
                    || fmt.isBigEndian()) {
                throw new IllegalStateException(f + " must be 16 kHz mono PCM16 little-endian, is " + fmt);
            }
            byte[] b = in.readAllBytes();
            double[] x = new double[b.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768.0;
            }
            return x;
        } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new UncheckedIOException(new IOException("cannot read fixture " + f + ": " + e.getMessage(), e));
        }
    }

    public static int samples(int ms) {
        return RATE / 1000 * ms;
    }

    public static double rms(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** {@code x} scaled so its RMS is {@code dbfs} dB below full scale. */
    public static double[] atLevel(double[] x, double dbfs) {
        return scaled(x, Math.pow(10, dbfs / 20) / rms(x));
    }

    public static double[] scaled(double[] x, double gain) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * gain;
        }
        return y;
    }

    /** {@code background} looped or cut to {@code totalMs}. */
    public static double[] looped(double[] background, int totalMs) {
        double[] y = new double[samples(totalMs)];
        for (int i = 0; i < y.length; i++) {
            y[i] = background[i % background.length];
        }
        return y;
    }

    /** Adds {@code clip} into {@code track} starting at {@code atMs}; returns the track. */
    public static double[] add(double[] track, double[] clip, int atMs) {
        int at = samples(atMs);
        for (int i = 0; i < clip.length && at + i < track.length; i++) {
            track[at + i] += clip[i];
        }
        return track;
    }

    /** Duration of a clip in ms. */
    public static int durationMs(double[] clip) {
        return (int) Math.round(clip.length * 1000.0 / RATE);
    }

    public static short[] pcm16(double[] x) {
        short[] s = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32767)));
        }
        return s;
    }
}
