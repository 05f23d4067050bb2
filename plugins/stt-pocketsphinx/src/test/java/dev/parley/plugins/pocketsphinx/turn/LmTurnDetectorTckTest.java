package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.turn.TurnDetectorProvider;
import dev.parley.tck.TurnDetectorTck;

/** The conformance kit's turn-detector suite on the pocketsphinx n-gram end-of-utterance score. */
class LmTurnDetectorTckTest extends TurnDetectorTck {
    @Override
    protected TurnDetectorProvider provider() {
        return new LmTurnDetectorProvider();
    }
}
