package dev.parley.runtime.realtime;

import java.util.Base64;

/** Decodes base64 audio fields with the 15 MiB per-event limit of {@code input_audio_buffer.append}. */
public final class AudioPayload {
    /** Documented maximum of decoded audio per append event. */
    public static final int MAX_DECODED_BYTES = 15 * 1024 * 1024;

    private AudioPayload() {
    }

    public static byte[] decode(String base64, String param) {
        // 4 base64 chars carry 3 bytes: check before decoding so an oversize event never allocates its audio
        long decodedEstimate = (long) base64.length() / 4 * 3;
        if (decodedEstimate > MAX_DECODED_BYTES + 2) {
            throw ProtocolException.invalidRequest("invalid_value", param, "Audio too large: " + decodedEstimate
                    + " bytes after base64 decoding; the maximum per event is " + MAX_DECODED_BYTES
                    + " bytes (15 MiB). Send the audio in smaller chunks.");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.invalidRequest("invalid_value", param,
                    "Invalid value for '" + param + "': expected base64-encoded audio (" + e.getMessage() + ").");
        }
    }
}
