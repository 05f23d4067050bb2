package dev.parley.runtime.engine;

/**
 * The audio formats a session's audio travels in (transport names for them live with each transport, e.g. the
 * OpenAI facade's {@code OpenAiNames}).
 */
public enum WireFormat {
    /** 24 kHz signed 16-bit little-endian mono PCM. */
    PCM16_24K(24000, 2),
    /** 8 kHz G.711 μ-law. */
    PCMU(8000, 1),
    /** 8 kHz G.711 A-law. */
    PCMA(8000, 1);

    private final int sampleRate;
    private final int bytesPerSample;

    WireFormat(int sampleRate, int bytesPerSample) {
        this.sampleRate = sampleRate;
        this.bytesPerSample = bytesPerSample;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Milliseconds of audio in {@code bytes} bytes of this format. */
    public long millis(long bytes) {
        return bytes / bytesPerSample * 1000 / sampleRate;
    }
}
