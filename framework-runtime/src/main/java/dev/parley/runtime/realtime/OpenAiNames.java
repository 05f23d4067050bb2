package dev.parley.runtime.realtime;

import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;

/**
 * OpenAI's names and defaults for the engine's neutral types: audio format names in the GA and beta dialects,
 * and the turn-detection defaults OpenAI applies. Only the facade speaks them.
 */
public final class OpenAiNames {
    private OpenAiNames() {
    }

    /** GA {@code audio.*.format.type}: {@code audio/pcm}, {@code audio/pcmu}, {@code audio/pcma}. */
    public static String gaType(WireFormat f) {
        return switch (f) {
            case PCM16_24K -> "audio/pcm";
            case PCMU -> "audio/pcmu";
            case PCMA -> "audio/pcma";
        };
    }

    /** Beta {@code input/output_audio_format}: {@code pcm16}, {@code g711_ulaw}, {@code g711_alaw}. */
    public static String betaName(WireFormat f) {
        return switch (f) {
            case PCM16_24K -> "pcm16";
            case PCMU -> "g711_ulaw";
            case PCMA -> "g711_alaw";
        };
    }

    public static WireFormat fromGaType(String type) {
        for (WireFormat f : WireFormat.values()) {
            if (gaType(f).equals(type)) {
                return f;
            }
        }
        return null;
    }

    public static WireFormat fromBetaName(String name) {
        for (WireFormat f : WireFormat.values()) {
            if (betaName(f).equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** OpenAI's observed defaults for {@code server_vad}. */
    public static TurnDetection serverVadDefaults() {
        return new TurnDetection(TurnDetection.Type.SERVER_VAD, 0.5, 300, 200, null, true, true, "auto");
    }
}
