package dev.parley.api.tts;

/**
 * How to speak.
 *
 * @param voice the voice asked for: one of {@link TtsEngine#voices()}, or null for the engine's default
 * @param speed speaking rate multiplier, 0.25–1.5 (the OpenAI {@code audio.output.speed} range); 1 is normal
 * @param pitch pitch shift in semitones; 0 is the voice's own pitch
 */
public record VoiceSettings(String voice, double speed, double pitch) {
    public static final VoiceSettings DEFAULT = new VoiceSettings(null, 1.0, 0.0);
}
