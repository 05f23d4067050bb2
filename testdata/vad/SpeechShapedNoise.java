import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the non-speech "babble-like" fixture: noise with the long-term average spectrum of the given speech
 * (the whole concatenated speech signal's power spectrum, smoothed over 120 Hz, with random phases: it keeps
 * the spectral envelope and destroys all harmonic and formant-transition structure) and then amplitude-modulated by the slowly varying envelope of a sum of
 * independent flite utterances, so its level fluctuates at syllable rate like babble. It carries no pitch, no
 * formant transitions, no words: it is not speech, while true multi-talker babble would be.
 *
 * <pre>java testdata/vad/SpeechShapedNoise.java OUT.wav SECONDS SEED SPECTRUM.wav... -- ENVELOPE.wav...</pre>
 * Input and output: 16 kHz mono PCM16 WAV. Output RMS is -20 dBFS.
 */
public class SpeechShapedNoise {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        int n = (int) (Double.parseDouble(args[1]) * 16000);
        long seed = Long.parseLong(args[2]);
        List<double[]> spectrum = new ArrayList<>();
        List<double[]> envelope = new ArrayList<>();
        boolean env = false;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--")) {
                env = true;
            } else {
                (env ? envelope : spectrum).add(read(new File(args[i])));
            }
        }
        double[] noise = phaseRandomised(concat(spectrum), n, new Random(seed));
        double[] mod = envelopeOf(envelope, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            noise[i] *= mod[i];
            sum += noise[i] * noise[i];
        }
        double gain = 0.1 / Math.sqrt(sum / n);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(noise[i] * gain * 32767)));
        }
        write(out, pcm);
    }

    static double[] concat(List<double[]> parts) {
        int len = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[len];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** Magnitude spectrum of {@code speech} (zero-padded to a power of two ≥ n) with uniformly random phases. */
    static double[] phaseRandomised(double[] speech, int n, Random rnd) {
        int size = Integer.highestOneBit(Math.max(speech.length, n) - 1) << 1;
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(speech, 0, re, 0, speech.length);
        fft(re, im, false);
        // The long-term *average* spectrum: power smoothed over 120 Hz, wider than any voice's pitch spacing,
        // so the harmonic ripple of a few monotone flite sentences does not leak pitch into the noise.
        int half = (int) Math.round(60.0 * size / 16000);
        double[] power = new double[size / 2 + 1];
        for (int k = 0; k <= size / 2; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        double[] smooth = new double[size / 2 + 1];
        double acc = 0;
        int lo = 0;
        int hi = -1;
        for (int k = 0; k <= size / 2; k++) {
            while (hi < Math.min(size / 2, k + half)) {
                acc += power[++hi];
            }
            while (lo < k - half) {
                acc -= power[lo++];
            }
            smooth[k] = acc / (hi - lo + 1);
        }
        for (int k = 1; k < size / 2; k++) {
            double mag = Math.sqrt(smooth[k]);
            double ph = rnd.nextDouble() * 2 * Math.PI;
            re[k] = mag * Math.cos(ph);
            im[k] = mag * Math.sin(ph);
            re[size - k] = re[k];
            im[size - k] = -im[k];
        }
        re[0] = 0;
        im[0] = 0;
        im[size / 2] = 0;
        fft(re, im, true);
        double[] out = new double[n];
        System.arraycopy(re, 0, out, 0, n);
        return out;
    }

    /** Sum of the talkers' absolute values, smoothed by a 40 ms moving average, looped to n samples, peak 1. */
    static double[] envelopeOf(List<double[]> talkers, int n) {
        double[] sum = new double[n];
        for (double[] t : talkers) {
            for (int i = 0; i < n; i++) {
                sum[i] += Math.abs(t[i % t.length]);
            }
        }
        int w = 640;
        double[] env = new double[n];
        double acc = 0;
        double peak = 1e-9;
        for (int i = 0; i < n; i++) {
            acc += sum[i] - (i >= w ? sum[i - w] : 0);
            env[i] = acc / Math.min(i + 1, w);
            peak = Math.max(peak, env[i]);
        }
        for (int i = 0; i < n; i++) {
            env[i] /= peak;
        }
        return env;
    }

    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    static double[] read(File f) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(f)) {
            byte[] b = in.readAllBytes();
            double[] x = new double[b.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768.0;
            }
            return x;
        }
    }

    static void write(File f, short[] pcm) throws Exception {
        byte[] b = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            b[2 * i] = (byte) pcm[i];
            b[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        AudioFormat fmt = new AudioFormat(16000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), fmt, pcm.length),
                AudioFileFormat.Type.WAVE, f);
    }
}
