package dev.parley.api.denoise;

/**
 * The microphone situation a noise suppressor is tuned for, as the OpenAI Realtime protocol names it in
 * {@code audio.input.noise_reduction.type}. A session with no noise reduction ({@code null}) opens no stream.
 */
public enum NoiseProfile {
    /** Close-talking microphone (headset, phone at the ear): little noise, keep the voice intact. */
    NEAR_FIELD("near_field"),
    /** Laptop or room microphone: more noise and reverberation, suppress harder. */
    FAR_FIELD("far_field");

    private final String wireName;

    NoiseProfile(String wireName) {
        this.wireName = wireName;
    }

    /** The protocol's name, e.g. {@code near_field}. */
    public String wireName() {
        return wireName;
    }

    /** The profile the protocol calls {@code name}; null when {@code name} is null or names none. */
    public static NoiseProfile fromWireName(String name) {
        for (NoiseProfile p : values()) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
