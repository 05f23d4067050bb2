package dev.parley.api.audio;

/**
 * A piece of mono PCM16 audio with its sample rate stated. This is the only audio type that crosses the SPI;
 * the runtime converts to and from wire formats (μ-law, A-law, other rates).
 *
 * @param samples    signed 16-bit samples; the array is owned by the receiver once handed over
 * @param sampleRate samples per second, e.g. 16000
 */
public record AudioChunk(short[] samples, int sampleRate) {
    public AudioChunk {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
    }

    /** Duration in milliseconds, rounded down. */
    public long durationMs() {
        return samples.length * 1000L / sampleRate;
    }

    /** Little-endian bytes, as the OpenAI {@code audio/pcm} format carries them. */
    public byte[] toLittleEndianBytes() {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Reads little-endian PCM16; an odd trailing byte is ignored. */
    public static AudioChunk fromLittleEndianBytes(byte[] bytes, int sampleRate) {
        short[] s = new short[bytes.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return new AudioChunk(s, sampleRate);
    }
}
