package dev.parley.runtime.engine;

/**
 * How one session's audio input is handled; replaced whole on every effective {@code session.update}.
 *
 * @param format        wire format of {@code input_audio_buffer.append} audio
 * @param turnDetection turn settings, or null for manual mode
 * @param noiseReduction null, {@code near_field} or {@code far_field}
 */
public record InputSettings(WireFormat format, TurnDetection turnDetection, String noiseReduction) {
}
