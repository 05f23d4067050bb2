package dev.parley.plugins.whisper;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;

/** Model-gated set-up: tests needing a Whisper model run only when PARLEY_WHISPER_MODEL names one. */
final class WhisperTestSupport {
    private WhisperTestSupport() {
    }

    /** Skips the calling test, saying why, when no model is configured. */
    static String requireModelOrSkip() {
        String model = System.getenv(WhisperConfig.MODEL_ENV);
        if (model == null || model.isBlank()) {
            String reason = "skipped: " + WhisperConfig.MODEL_ENV + " is not set (no Whisper model can be fetched here; "
                    + "set it to a ggml model file such as ggml-tiny.en.bin to run this test)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return model;
    }

    static SttEngine engine() {
        requireModelOrSkip();
        return new WhisperSttProvider().create(new ComponentConfig(Map.of(), "test"));
    }
}
