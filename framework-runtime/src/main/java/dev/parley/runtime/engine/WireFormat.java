package dev.parley.runtime.engine;

/** Audio formats of the OpenAI Realtime protocol, as they travel on the wire. */
public enum WireFormat {
    /** {@code audio/pcm} (beta {@code pcm16}): 24 kHz signed 16-bit little-endian mono. */
    PCM16_24K("audio/pcm", "pcm16", 24000, 2),
    /** {@code audio/pcmu} (beta {@code g711_ulaw}): 8 kHz G.711 μ-law. */
    PCMU("audio/pcmu", "g711_ulaw", 8000, 1),
    /** {@code audio/pcma} (beta {@code g711_alaw}): 8 kHz G.711 A-law. */
    PCMA("audio/pcma", "g711_alaw", 8000, 1);

    private final String gaType;
    private final String betaName;
    private final int sampleRate;
    private final int bytesPerSample;

    WireFormat(String gaType, String betaName, int sampleRate, int bytesPerSample) {
        this.gaType = gaType;
        this.betaName = betaName;
        this.sampleRate = sampleRate;
        this.bytesPerSample = bytesPerSample;
    }

    public String gaType() {
        return gaType;
    }

    public String betaName() {
        return betaName;
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

    public static WireFormat fromGaType(String type) {
        for (WireFormat f : values()) {
            if (f.gaType.equals(type)) {
                return f;
            }
        }
        return null;
    }

    public static WireFormat fromBetaName(String name) {
        for (WireFormat f : values()) {
            if (f.betaName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
