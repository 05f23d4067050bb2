package dev.parley.plugins.marytts;

import dev.parley.api.tts.TtsProvider;
import dev.parley.tck.TtsTck;

/** The conformance kit's TTS suite on MaryTTS with its default voice. */
class MaryTtsTckTest extends TtsTck {
    @Override
    protected TtsProvider provider() {
        return new MaryTtsProvider();
    }
}
