package org.example.parley.flite;

import dev.parley.api.tts.TtsProvider;
import dev.parley.tck.TtsTck;

/** Parley's conformance kit, TTS suite: streaming, sample rate, cancellation, concurrent clauses. */
class FliteTtsTckTest extends TtsTck {
    @Override
    protected TtsProvider provider() {
        return new FliteTtsProvider();
    }
}
