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
 */
public record MaryTtsConfig(String voice, double speed, double pitch, int chunkMs, int maxClauseChars) {
    public static final MaryTtsConfig DEFAULTS = new MaryTtsConfig(VoiceCatalog.SLT, 1.0, 0.0, 20, 200);

    /** Reads and range-checks the block; errors name the key, its source and the valid range. */
    public static MaryTtsConfig from(ComponentConfig c) {
        return new MaryTtsConfig(
                c.string("voice", DEFAULTS.voice()),
                inRange(c, "speed", c.number("speed", DEFAULTS.speed()), 0.25, 1.5),
                inRange(c, "pitch", c.number("pitch", DEFAULTS.pitch()), -12, 12),
                (int) inRange(c, "chunk_ms", c.integer("chunk_ms", DEFAULTS.chunkMs()), 5, 200),
                (int) inRange(c, "max_clause_chars", c.integer("max_clause_chars", DEFAULTS.maxClauseChars()), 40, 2000));
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
