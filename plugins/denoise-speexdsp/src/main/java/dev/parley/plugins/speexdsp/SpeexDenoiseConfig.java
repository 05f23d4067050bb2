package dev.parley.plugins.speexdsp;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.denoise.NoiseProfile;

/**
 * Settings of the {@code speexdsp} denoise stage. Keys:
 * <ul>
 *   <li>{@code frame_ms} = 10 — frame length, 10 or 20 ms; 10 keeps the delay it may add under one frame of a
 *       20 ms append;</li>
 *   <li>{@code near_field_suppress_db} = -15 — the largest attenuation of noise for {@code near_field} (the
 *       library's own default);</li>
 *   <li>{@code far_field_suppress_db} = -25 — the same for {@code far_field}, where more noise reaches the
 *       microphone.</li>
 * </ul>
 *
 * @param frameMs       10 or 20
 * @param nearSuppressDb negative dB, -1..-60
 * @param farSuppressDb  negative dB, -1..-60
 */
public record SpeexDenoiseConfig(int frameMs, int nearSuppressDb, int farSuppressDb) {
    public static final SpeexDenoiseConfig DEFAULTS = new SpeexDenoiseConfig(10, -15, -25);

    /** Reads and checks the stage config. */
    public static SpeexDenoiseConfig from(ComponentConfig c) {
        int frameMs = c.integer("frame_ms", DEFAULTS.frameMs);
        if (frameMs != 10 && frameMs != 20) {
            throw new ConfigException(c.source() + ": key 'frame_ms' must be 10 or 20, got " + frameMs);
        }
        return new SpeexDenoiseConfig(frameMs, suppressDb(c, "near_field_suppress_db", DEFAULTS.nearSuppressDb),
                suppressDb(c, "far_field_suppress_db", DEFAULTS.farSuppressDb));
    }

    /** The attenuation limit for {@code profile}, in dB (negative). */
    int suppressDb(NoiseProfile profile) {
        return profile == NoiseProfile.FAR_FIELD ? farSuppressDb : nearSuppressDb;
    }

    private static int suppressDb(ComponentConfig c, String key, int defaultValue) {
        int db = c.integer(key, defaultValue);
        if (db > -1 || db < -60) {
            throw new ConfigException(c.source() + ": key '" + key + "' must be a negative dB value from -1 to -60,"
                    + " got " + db);
        }
        return db;
    }
}
