package dev.parley.runtime.input.turn;

/** server_vad: the turn ends after {@code silence_duration_ms} of silence, whatever was said. */
public record FixedSilencePolicy(long silenceMs) implements EndOfTurnPolicy {
    @Override
    public long requiredSilenceMs(String transcriptSoFar) {
        return silenceMs;
    }
}
