package dev.parley.tck;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The kit's own audio fixtures (16 kHz mono PCM16 WAVs shipped in this jar, made with Debian's flite and sox; see
 * {@code parley-tck/README.md}) and the little arithmetic the suites need to place them in a track.
 */
public final class TckAudio {
    /** Rate of every fixture. */
    public static final int RATE = 16_000;
    /** flite voice slt: "Hello there, I would like to book a table for two tonight." (2.959 s, trimmed). */
    public static final String SPEECH_SLT = "speech-slt.wav";
    /** flite voice rms: "Could you tell me what the weather will be like tomorrow morning?" (3.372 s, trimmed). */
    public static final String SPEECH_RMS = "speech-rms.wav";
    /** sox white noise, RMS about -20 dBFS, 4 s. */
    public static final String WHITE_NOISE = "white-noise.wav";
    /** Speech-shaped, syllable-rate modulated noise without any voice, RMS -20 dBFS, 4 s. */
    public static final String SPEECH_SHAPED_NOISE = "speech-shaped-noise.wav";

    private TckAudio() {
    }

    /** A fixture as samples in [-1, 1] at {@link #RATE}. */
    public static double[] fixture(String name) {
        InputStream raw = TckAudio.class.getResourceAsStream(name);
        if (raw == null) {
            throw new IllegalStateException("fixture " + name + " is missing from the parley-tck jar");
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            AudioFormat fmt = in.getFormat();
            if (fmt.getSampleRate() != RATE || fmt.getChannels() != 1 || fmt.getSampleSizeInBits() != 16
                    || fmt.isBigEndian()) {
                throw new IllegalStateException(name + " must be 16 kHz mono PCM16 little-endian, is " + fmt);
            }
            byte[] b = in.readAllBytes();
            double[] x = new double[b.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768.0;
            }
            return x;
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new UncheckedIOException(new IOException("cannot read fixture " + name + ": " + e.getMessage(), e));
        }
    }

    /** A fixture as PCM16 at {@code rate} (linear interpolation; enough for recognisers at 8–48 kHz). */
    public static short[] pcm(String name, int rate) {
        return pcm16(resample(fixture(name), RATE, rate));
    }

    /** {@code lead} ms of quiet room, the fixture, {@code tail} ms of quiet room; PCM16 at {@code rate}. */
    public static short[] padded(String name, int leadMs, int tailMs, int rate) {
        double[] speech = fixture(name);
        double[] track = quietRoom(leadMs + durationMs(speech) + tailMs);
        add(track, speech, leadMs);
        return pcm16(resample(track, RATE, rate));
    }

    /** -60 dBFS white noise: the hiss of a quiet room, so that "silence" is not digital zero. */
    public static double[] quietRoom(int ms) {
        return atLevel(looped(fixture(WHITE_NOISE), ms), -60);
    }

    public static int samples(int ms) {
        return RATE / 1000 * ms;
    }

    public static int durationMs(double[] clip) {
        return (int) Math.round(clip.length * 1000.0 / RATE);
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
        double gain = Math.pow(10, dbfs / 20) / Math.max(1e-12, rms(x));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * gain;
        }
        return y;
    }

    /** {@code background} looped or cut to {@code ms}. */
    public static double[] looped(double[] background, int ms) {
        double[] y = new double[samples(ms)];
        for (int i = 0; i < y.length; i++) {
            y[i] = background[i % background.length];
        }
        return y;
    }

    /** Adds {@code clip} into {@code track} from {@code atMs}; returns the track. */
    public static double[] add(double[] track, double[] clip, int atMs) {
        int at = samples(atMs);
        for (int i = 0; i < clip.length && at + i < track.length; i++) {
            track[at + i] += clip[i];
        }
        return track;
    }

    public static double[] resample(double[] x, int from, int to) {
        if (from == to) {
            return x;
        }
        int n = (int) ((long) x.length * to / from);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double pos = (double) i * from / to;
            int j = (int) pos;
            double f = pos - j;
            double a = x[Math.min(j, x.length - 1)];
            double b = x[Math.min(j + 1, x.length - 1)];
            y[i] = a + (b - a) * f;
        }
        return y;
    }

    public static short[] pcm16(double[] x) {
        short[] s = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32767)));
        }
        return s;
    }
}
