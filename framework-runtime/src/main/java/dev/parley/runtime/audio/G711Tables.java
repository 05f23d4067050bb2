package dev.parley.runtime.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * G.711 μ-law and A-law lookup tables, computed once from the JDK's own javax.sound codecs. Tables make the
 * per-frame conversion a plain array lookup (no streams, no allocation beyond the output array), while the JDK
 * codec stays the source of truth for the bit patterns.
 */
final class G711Tables {
    // Declared first: the tables below are built from it during class initialisation.
    private static final AudioFormat PCM = new AudioFormat(8000f, 16, 1, true, false);
    static final short[] ULAW_TO_PCM = decodeTable(AudioFormat.Encoding.ULAW);
    static final short[] ALAW_TO_PCM = decodeTable(AudioFormat.Encoding.ALAW);
    /** Indexed by the sample's unsigned 16-bit pattern ({@code sample & 0xffff}). */
    static final byte[] PCM_TO_ULAW = encodeTable(AudioFormat.Encoding.ULAW);
    static final byte[] PCM_TO_ALAW = encodeTable(AudioFormat.Encoding.ALAW);

    private G711Tables() {
    }

    private static AudioFormat law(AudioFormat.Encoding encoding) {
        return new AudioFormat(encoding, 8000f, 8, 1, 1, 8000f, false);
    }

    private static short[] decodeTable(AudioFormat.Encoding encoding) {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        byte[] pcm = convert(new AudioInputStream(new ByteArrayInputStream(codes), law(encoding), 256), PCM, 512);
        short[] table = new short[256];
        for (int i = 0; i < 256; i++) {
            table[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return table;
    }

    private static byte[] encodeTable(AudioFormat.Encoding encoding) {
        byte[] pcm = new byte[65536 * 2];
        for (int i = 0; i < 65536; i++) {
            pcm[2 * i] = (byte) i;
            pcm[2 * i + 1] = (byte) (i >> 8);
        }
        return convert(new AudioInputStream(new ByteArrayInputStream(pcm), PCM, 65536), law(encoding), 65536);
    }

    private static byte[] convert(AudioInputStream source, AudioFormat target, int expected) {
        try (InputStream in = AudioSystem.getAudioInputStream(target, source)) {
            byte[] out = new byte[expected];
            int n = 0;
            while (n < expected) { // read in a loop: one read may return less than asked
                int r = in.read(out, n, expected - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n != expected) {
                throw new IllegalStateException("JDK G.711 codec returned " + n + " of " + expected + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("JDK G.711 codec failed", e);
        }
    }
}
