package dev.parley.plugins.vosk;

import dev.parley.api.stt.SttProvider;
import dev.parley.tck.SttTck;

import java.util.Optional;

/** The conformance kit's STT suite on Vosk; skipped, saying why, unless PARLEY_VOSK_MODEL names a model. */
class VoskTckTest extends SttTck {
    @Override
    protected SttProvider provider() {
        VoskTestSupport.requireModelOrSkip();
        return new VoskSttProvider();
    }

    @Override
    protected Optional<String> wordRecognisedInSpeech() {
        return Optional.of("table");
    }
}
