package dev.parley.plugins.pocketsphinx;

import dev.parley.api.stt.SttProvider;
import dev.parley.tck.SttTck;

import java.util.Optional;

/** The conformance kit's STT suite on the real pocketsphinx engine over the Debian model. */
class PocketsphinxTckTest extends SttTck {
    @Override
    protected SttProvider provider() {
        PocketsphinxTestSupport.requireModel();
        return new PocketsphinxSttProvider();
    }

    @Override
    protected Optional<String> wordRecognisedInSpeech() {
        return Optional.of("table");
    }
}
