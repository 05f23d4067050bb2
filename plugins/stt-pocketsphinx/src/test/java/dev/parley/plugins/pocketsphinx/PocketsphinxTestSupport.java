package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared set-up: the real engine over the installed Debian model. */
final class PocketsphinxTestSupport {
    private PocketsphinxTestSupport() {
    }

    static void requireModel() {
        if (!Files.isRegularFile(PocketsphinxConfig.DEFAULT_MODEL_DIR.resolve("en-us.lm.bin"))) {
            fail("pocketsphinx model missing at " + PocketsphinxConfig.DEFAULT_MODEL_DIR
                    + ": run ./parley test (it installs libpocketsphinx3 and pocketsphinx-en-us via "
                    + "scripts/prereqs.d/pocketsphinx.sh)");
        }
    }

    static SttEngine engine(Map<String, ?> config) {
        requireModel();
        return new PocketsphinxSttProvider().create(new ComponentConfig(config, "test"));
    }
}
