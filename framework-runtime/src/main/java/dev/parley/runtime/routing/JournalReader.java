package dev.parley.runtime.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Replays an {@link ExperimentJournal} file into a recorder (usually a fresh {@link ExperimentMetrics}).
 * Lines that are not journal events (truncated by a crash, edited by hand) are skipped and counted, never fatal.
 */
public final class JournalReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param events      lines replayed
     * @param skipped     lines that were not valid events
     * @param experiments experiment names found in the file
     */
    public record Result(long events, long skipped, Set<String> experiments) {
    }

    private JournalReader() {
    }

    public static Result replay(Path file, ExperimentRecorder into) throws IOException {
        long events = 0;
        long skipped = 0;
        Set<String> experiments = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (replayLine(line, into, experiments)) {
                    events++;
                } else {
                    skipped++;
                }
            }
        }
        return new Result(events, skipped, experiments);
    }

    private static boolean replayLine(String line, ExperimentRecorder into, Set<String> experiments) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return false;
        }
        if (n == null || !n.isObject() || !n.path("pipeline").isTextual() || !n.path("variant").isTextual()) {
            return false;
        }
        String pipeline = n.get("pipeline").asText();
        String variant = n.get("variant").asText();
        switch (n.path("event").asText()) {
            case "session" -> into.assigned(n.path("session").asText(null), pipeline, variant,
                    n.path("reason").asText(null));
            case "turn" -> into.turn(pipeline, variant,
                    n.path("ttfa_ms").isNumber() ? n.get("ttfa_ms").asDouble() : Double.NaN);
            case "barge_in" -> into.bargeIn(pipeline, variant);
            case "error" -> into.error(pipeline, variant, n.path("code").asText("unknown"));
            default -> {
                return false;
            }
        }
        if (n.path("experiment").isTextual()) {
            experiments.add(n.get("experiment").asText());
        }
        return true;
    }
}
