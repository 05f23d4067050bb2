package dev.parley.runtime.recording;

import dev.parley.api.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Where and how long sessions are recorded: the pipeline's {@code record: {dir, keep_days, max_mb}} block or
 * {@code serve --record-dir}.
 *
 * @param dir      one folder per session below it
 * @param keepDays recordings older than this are deleted (0: kept until {@code maxMb} needs the room)
 * @param maxMb    all recordings together stay under this; the oldest go first, and one session stops recording
 *                 when it alone reaches it
 */
public record RecordSettings(Path dir, int keepDays, long maxMb) {
    public static final int DEFAULT_KEEP_DAYS = 7;
    public static final long DEFAULT_MAX_MB = 1024;
    private static final Set<String> KEYS = Set.of("dir", "keep_days", "max_mb");

    public RecordSettings {
        if (dir == null) {
            throw new ConfigException("record: dir is required");
        }
        if (keepDays < 0 || maxMb < 1) {
            throw new ConfigException("record: keep_days must be 0 or more and max_mb 1 or more, got keep_days "
                    + keepDays + ", max_mb " + maxMb);
        }
    }

    public long maxBytes() {
        return maxMb * 1024 * 1024;
    }

    /**
     * The {@code record:} block of a pipeline, its values already expanded; null when {@code block} is empty.
     *
     * @param where the block's file and line for messages
     */
    public static RecordSettings fromYaml(Map<String, Object> block, String where) {
        if (block == null || block.isEmpty()) {
            return null;
        }
        for (String key : block.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException(where + ": record." + key + ": unknown key; record has dir, keep_days, max_mb");
            }
        }
        Object dir = block.get("dir");
        if (!(dir instanceof String d) || d.isBlank()) {
            throw new ConfigException(where + ": record.dir: a folder is required, got " + dir);
        }
        try {
            return new RecordSettings(Path.of(d), (int) number(block, "keep_days", DEFAULT_KEEP_DAYS, where),
                    number(block, "max_mb", DEFAULT_MAX_MB, where));
        } catch (ConfigException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    private static long number(Map<String, Object> block, String key, long fallback, String where) {
        Object v = block.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (v instanceof String s && s.strip().matches("\\d+")) {
            return Long.parseLong(s.strip());
        }
        throw new ConfigException(where + ": record." + key + ": a whole number is required, got " + v);
    }
}
