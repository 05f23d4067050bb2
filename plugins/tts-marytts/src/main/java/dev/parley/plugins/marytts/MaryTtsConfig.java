package dev.parley.plugins.marytts;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;

/**
 * The {@code config:} block of a {@code marytts} TTS stage.
 *
 * @param voice          voice used when a session asks for none (a preset or OpenAI alias); default {@code cmu-slt-hsmm}
 * @param speed          base speaking rate, multiplied with the session's {@code speed}; 0.25–1.5, default 1.0
 * @param pitch          base pitch shift in semitones, added to the session's {@code pitch}; −12…12, default 0
 * @param chunkMs        length of the audio chunks handed on while synthesis runs; 5–200 ms, default 20
 * @param maxClauseChars longer text is cut at sentence/clause/word boundaries to keep first audio early;
 *                       40–2000, default 200
 * @param vocodeOnPool   {@code vocoder: pool}: each sentence is vocoded on the CPU-pool thread that reads it (no thread
 *                       per sentence, 41–44 % less TTS CPU, but its first audio waits for the whole sentence: TTS
 *                       first audio p50 37 → 250 ms); {@code streaming} (default): MaryTTS' own vocoder thread, which
 *                       streams within the sentence
 */
public record MaryTtsConfig(String voice, double speed, double pitch, int chunkMs, int maxClauseChars,
                            boolean vocodeOnPool) {
    public static final MaryTtsConfig DEFAULTS = new MaryTtsConfig(VoiceCatalog.SLT, 1.0, 0.0, 20, 200, false);

    public MaryTtsConfig(String voice, double speed, double pitch, int chunkMs, int maxClauseChars) {
        this(voice, speed, pitch, chunkMs, maxClauseChars, false);
    }

    /** Reads and range-checks the block; errors name the key, its source and the valid range. */
    public static MaryTtsConfig from(ComponentConfig c) {
        return new MaryTtsConfig(
                c.string("voice", DEFAULTS.voice()),
                inRange(c, "speed", c.number("speed", DEFAULTS.speed()), 0.25, 1.5),
                inRange(c, "pitch", c.number("pitch", DEFAULTS.pitch()), -12, 12),
                (int) inRange(c, "chunk_ms", c.integer("chunk_ms", DEFAULTS.chunkMs()), 5, 200),
                (int) inRange(c, "max_clause_chars", c.integer("max_clause_chars", DEFAULTS.maxClauseChars()), 40, 2000),
                vocoder(c));
    }

    private static boolean vocoder(ComponentConfig c) {
        String v = c.string("vocoder", "streaming");
        return switch (v) {
            case "streaming" -> false;
            case "pool" -> true;
            default -> throw new ConfigException(c.source() + ": key 'vocoder' must be 'streaming' or 'pool', got '"
                    + v + "'");
        };
    }

    private static double inRange(ComponentConfig c, String key, double v, double min, double max) {
        if (v < min || v > max || Double.isNaN(v)) {
            throw new ConfigException(c.source() + ": key '" + key + "' must be between " + fmt(min) + " and "
                    + fmt(max) + ", got " + fmt(v));
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
