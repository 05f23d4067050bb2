package dev.parley.runtime.input.turn;

import dev.parley.api.turn.TurnDetector;
import dev.parley.runtime.engine.TurnDetection;

/** Chooses how much trailing silence ends a turn, from the session's {@code turn_detection}. */
public final class TurnPolicies {
    private TurnPolicies() {
    }

    /**
     * server_vad: {@code silence_duration_ms}. semantic_vad: the pipeline's turn detector scored against the
     * eagerness bounds; without a detector, a fixed window at the eagerness's midpoint (the words cannot be judged).
     * Manual mode (null): no policy.
     */
    public static EndOfTurnPolicy forSettings(TurnDetection td, TurnDetector detector) {
        if (td == null) {
            return null;
        }
        if (td.type() == TurnDetection.Type.SEMANTIC_VAD) {
            if (detector != null) {
                return new SemanticEndOfTurnPolicy(detector, td.eagerness());
            }
            Eagerness e = Eagerness.parse(td.eagerness());
            return new FixedSilencePolicy(SemanticEndOfTurnPolicy.silenceFor(0.5, e));
        }
        return new FixedSilencePolicy(td.silenceDurationMs());
    }
}
