package dev.parley.plugins.vosk;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;

/** Model-gated set-up: tests needing a Vosk model run only when PARLEY_VOSK_MODEL names one. */
final class VoskTestSupport {
    private VoskTestSupport() {
    }

    /** Skips the calling test, saying why, when no model is configured. */
    static String requireModelOrSkip() {
        String model = System.getenv(VoskConfig.MODEL_ENV);
        if (model == null || model.isBlank()) {
            String reason = "skipped: " + VoskConfig.MODEL_ENV + " is not set (no Vosk model can be fetched here; "
                    + "set it to an unpacked model such as vosk-model-small-en-us-0.15 to run this test)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return model;
    }

    static SttEngine engine() {
        requireModelOrSkip();
        return new VoskSttProvider().create(new ComponentConfig(Map.of(), "test"));
    }
}
