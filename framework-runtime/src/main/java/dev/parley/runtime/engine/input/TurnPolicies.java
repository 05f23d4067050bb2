package dev.parley.runtime.engine.input;

import dev.parley.api.turn.TurnDetector;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.turn.EndOfTurnPolicy;
import dev.parley.runtime.turn.Eagerness;
import dev.parley.runtime.turn.FixedSilencePolicy;
import dev.parley.runtime.turn.SemanticEndOfTurnPolicy;

/** Chooses how much trailing silence ends a turn, from the session's {@code turn_detection}. */
final class TurnPolicies {
    private TurnPolicies() {
    }

    /**
     * server_vad: {@code silence_duration_ms}. semantic_vad: the pipeline's turn detector scored against the
     * eagerness bounds; without a detector, a fixed window at the eagerness's midpoint (the words cannot be judged).
     * Manual mode (null): no policy.
     */
    static EndOfTurnPolicy forSettings(TurnDetection td, TurnDetector detector) {
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
