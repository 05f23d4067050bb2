package dev.parley.plugins.marytts;

import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Reads a MaryTTS audio stream into fixed-size PCM16 chunks, sentence by sentence as MaryTTS vocodes them. MaryTTS'
 * stream returns short reads (and {@code readAllBytes} once returned a truncated buffer here), so this reads in a
 * loop until a chunk is full or the stream ends. Not thread-safe: one reader per stream.
 */
final class PcmChunkReader {
    private final InputStream in;
    private final boolean bigEndian;
    private final byte[] buffer;

    /** @param chunkSamples samples per chunk (the last one may be shorter) */
    PcmChunkReader(AudioInputStream in, int chunkSamples) {
        AudioFormat f = in.getFormat();
        if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
            throw new IllegalStateException("MaryTTS produced " + f + "; expected 16-bit signed mono PCM");
        }
        this.in = in;
        this.bigEndian = f.isBigEndian();
        this.buffer = new byte[chunkSamples * 2];
    }

    /** The next chunk, or null when the stream has ended. Blocks until the chunk is full or the stream ends. */
    short[] next() throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        int samples = filled / 2;
        if (samples == 0) {
            return null;
        }
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            int a = buffer[2 * i] & 0xff;
            int b = buffer[2 * i + 1] & 0xff;
            out[i] = (short) (bigEndian ? (a << 8) | b : (b << 8) | a);
        }
        return out;
    }
}
