package dev.parley.runtime.audio;

import dev.parley.runtime.engine.WireFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts between the protocol's wire formats (pcm16 little-endian, G.711 μ-law, A-law) and PCM16 samples.
 * Stateless; each call allocates only its result.
 */
public final class WireCodec {
    private WireCodec() {
    }

    /** Number of samples {@code bytes} wire bytes hold (a trailing odd pcm16 byte is ignored). */
    public static int samplesIn(WireFormat format, int bytes) {
        return bytes / format.bytesPerSample();
    }

    /** Decodes {@code wire} into new PCM16 samples at {@link WireFormat#sampleRate()}. */
    public static short[] decode(WireFormat format, byte[] wire) {
        short[] out = new short[samplesIn(format, wire.length)];
        decode(format, wire, 0, wire.length, out, 0);
        return out;
    }

    /**
     * Decodes {@code len} bytes from {@code wire[off]} into {@code out[outOff]}.
     *
     * @return samples written
     */
    public static int decode(WireFormat format, byte[] wire, int off, int len, short[] out, int outOff) {
        int n = samplesIn(format, len);
        switch (format) {
            // a bulk view copy (a plain memory copy on little-endian CPUs), not a loop over bytes
            case PCM16_24K -> ByteBuffer.wrap(wire, off, 2 * n).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()
                    .get(out, outOff, n);
            case PCMU -> lookup(G711Tables.ULAW_TO_PCM, wire, off, n, out, outOff);
            case PCMA -> lookup(G711Tables.ALAW_TO_PCM, wire, off, n, out, outOff);
        }
        return n;
    }

    /** Encodes {@code len} samples from {@code pcm[off]} into new wire bytes. */
    public static byte[] encode(WireFormat format, short[] pcm, int off, int len) {
        byte[] out = new byte[len * format.bytesPerSample()];
        switch (format) {
            case PCM16_24K -> ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm, off, len);
            case PCMU -> encodeLaw(G711Tables.PCM_TO_ULAW, pcm, off, len, out);
            case PCMA -> encodeLaw(G711Tables.PCM_TO_ALAW, pcm, off, len, out);
        }
        return out;
    }

    private static void lookup(short[] table, byte[] wire, int off, int n, short[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = table[wire[off + i] & 0xff];
        }
    }

    private static void encodeLaw(byte[] table, short[] pcm, int off, int len, byte[] out) {
        for (int i = 0; i < len; i++) {
            out[i] = table[pcm[off + i] & 0xffff];
        }
    }
}
