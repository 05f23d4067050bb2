package dev.parley.plugins.pocketsphinx;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of the {@code pocketsphinx} STT stage.
 *
 * @param hmm               acoustic model directory (key {@code hmm}, default {@code <model_dir>/en-us})
 * @param lm                trigram language model (key {@code lm}, default {@code <model_dir>/en-us.lm.bin})
 * @param dict              pronunciation dictionary (key {@code dict}, default {@code <model_dir>/cmudict-en-us.dict})
 * @param partialIntervalMs audio between two partial hypotheses (key {@code partial_interval_ms}, default 150)
 * @param poolSize          decoders warmed at start and kept idle for reuse between sessions (key {@code pool_size};
 *                          default: the server's session limit, see {@link #poolSizeFor}; 2 without one)
 * @param fwdflat           whether the decoder runs pocketsphinx's flat-lexicon second pass (key {@code fwdflat},
 *                          default true, pocketsphinx's own default); off, the final comes from the tree pass and
 *                          its lattice alone — a shorter {@code ps_end_utt}, more word errors (BENCHMARKS.md run I)
 */
public record PocketsphinxConfig(Path hmm, Path lm, Path dict, int partialIntervalMs, int poolSize, boolean fwdflat) {

    /** Where Debian's {@code pocketsphinx-en-us} package puts the US English model. */
    public static final Path DEFAULT_MODEL_DIR = Path.of("/usr/share/pocketsphinx/model/en-us");

    public static final int SAMPLE_RATE = 16_000;

    /** Reads and checks the stage config; every file named must exist. */
    public static PocketsphinxConfig from(ComponentConfig config) {
        return from(config, 0);
    }

    /** Decoders warmed when {@code pool_size} is not set: one per admitted session, or 2 without a limit. */
    static int poolSizeFor(int maxSessions) {
        return maxSessions > 0 ? maxSessions : DEFAULT_POOL_SIZE;
    }

    static final int DEFAULT_POOL_SIZE = 2;

    /**
     * Reads and checks the stage config; every file named must exist.
     *
     * @param maxSessions the server's session limit ({@code ComponentContext.maxSessions()}), 0 when none
     */
    public static PocketsphinxConfig from(ComponentConfig config, int maxSessions) {
        Path modelDir = config.path("model_dir").orElse(DEFAULT_MODEL_DIR);
        Path hmm = config.path("hmm").orElse(modelDir.resolve("en-us"));
        Path lm = config.path("lm").orElse(modelDir.resolve("en-us.lm.bin"));
        Path dict = config.path("dict").orElse(modelDir.resolve("cmudict-en-us.dict"));
        requireExists(config, "hmm", hmm, true);
        requireExists(config, "lm", lm, false);
        requireExists(config, "dict", dict, false);
        int interval = config.integer("partial_interval_ms", 150);
        if (interval < 20) {
            throw new ConfigException(config.source() + ": key 'partial_interval_ms' must be at least 20, got " + interval);
        }
        int pool = config.integer("pool_size", poolSizeFor(maxSessions));
        if (pool < 0) {
            throw new ConfigException(config.source() + ": key 'pool_size' must not be negative, got " + pool);
        }
        return new PocketsphinxConfig(hmm, lm, dict, interval, pool, config.bool("fwdflat", true));
    }

    static void requireExists(ComponentConfig config, String key, Path path, boolean directory) {
        boolean ok = directory ? Files.isDirectory(path) : Files.isRegularFile(path) && Files.isReadable(path);
        if (!ok) {
            throw new ConfigException(config.source() + ": pocketsphinx " + key + " " + (directory ? "directory" : "file")
                    + " not found: " + path + ". Install the Debian package pocketsphinx-en-us (./parley does it via "
                    + "scripts/prereqs.d/pocketsphinx.sh) or set '" + key + "' / 'model_dir' to an existing model.");
        }
    }

    /** Decoder arguments in pocketsphinx's command-line form. */
    String[] decoderArgs() {
        return new String[] {"-hmm", hmm.toString(), "-lm", lm.toString(), "-dict", dict.toString(),
                "-samprate", String.valueOf(SAMPLE_RATE), "-fwdflat", fwdflat ? "yes" : "no"};
    }
}
