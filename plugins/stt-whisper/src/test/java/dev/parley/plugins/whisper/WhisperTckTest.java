package dev.parley.plugins.whisper;

import dev.parley.api.stt.SttProvider;
import dev.parley.tck.SttTck;

import java.util.Optional;

/** The conformance kit's STT suite on Whisper; skipped, saying why, unless PARLEY_WHISPER_MODEL names a model. */
class WhisperTckTest extends SttTck {
    @Override
    protected SttProvider provider() {
        WhisperTestSupport.requireModelOrSkip();
        return new WhisperSttProvider();
    }

    @Override
    protected Optional<String> wordRecognisedInSpeech() {
        return Optional.of("table");
    }
}
