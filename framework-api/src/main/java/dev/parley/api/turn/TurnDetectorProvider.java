package dev.parley.api.turn;

import dev.parley.api.ComponentKind;
import dev.parley.api.ComponentProvider;

/** Extension point for semantic turn detectors (used by the {@code semantic_vad} turn mode). */
public interface TurnDetectorProvider extends ComponentProvider<TurnDetector> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.TURN;
    }
}
