package dev.parley.plugins.pocketsphinx.turn;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.plugins.pocketsphinx.PocketsphinxConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of the {@code pocketsphinx-lm} turn detector.
 *
 * @param lm     n-gram LM, ARPA or sphinx binary (key {@code lm}, default {@code <model_dir>/en-us.lm.bin})
 * @param center ln P(end) at which the LM alone is undecided (key {@code center}, default −3.0 nats)
 * @param slope  log-odds per nat of ln P(end) (key {@code slope}, default 1.0)
 */
public record LmTurnConfig(Path lm, double center, double slope) {

    static LmTurnConfig from(ComponentConfig config) {
        Path modelDir = config.path("model_dir").orElse(PocketsphinxConfig.DEFAULT_MODEL_DIR);
        Path lm = config.path("lm").orElse(modelDir.resolve("en-us.lm.bin"));
        if (!Files.isRegularFile(lm) || !Files.isReadable(lm)) {
            throw new ConfigException(config.source() + ": language model 'lm' not found: " + lm
                    + ". Install the Debian package pocketsphinx-en-us (./parley does it via "
                    + "scripts/prereqs.d/pocketsphinx.sh) or set 'lm' / 'model_dir' to an existing n-gram model.");
        }
        double slope = config.number("slope", 1.0);
        if (slope <= 0) {
            throw new ConfigException(config.source() + ": key 'slope' must be positive, got " + slope);
        }
        return new LmTurnConfig(lm, config.number("center", -3.0), slope);
    }
}
