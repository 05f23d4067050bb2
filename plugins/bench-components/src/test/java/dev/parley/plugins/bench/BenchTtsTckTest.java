package dev.parley.plugins.bench;

import dev.parley.api.tts.TtsProvider;
import dev.parley.tck.TtsTck;

/** The conformance kit's TTS suite on the zero-cost bench stand-in (contracts only: it does not speak). */
class BenchTtsTckTest extends TtsTck {
    @Override
    protected TtsProvider provider() {
        return new BenchTtsProvider();
    }
}
