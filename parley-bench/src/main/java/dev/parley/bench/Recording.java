package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One session recording as {@code parley serve} wrote it ({@code manifest.json}, {@code events.jsonl},
 * {@code input.wav}): what the client sent, in order with its monotonic times, and what the server sent back.
 */
public record Recording(Path dir, JsonNode manifest, List<ClientStep> sent, List<TimedEvent> received) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int WAV_HEADER = 44;

    /** One client event to send again at {@code atMs}: a JSON event, or input audio. */
    record ClientStep(double atMs, JsonNode event, byte[] audio) {
    }

    public static Recording read(Path dir) {
        try {
            JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
            byte[] wav = Files.readAllBytes(dir.resolve("input.wav"));
            List<ClientStep> sent = new ArrayList<>();
            List<TimedEvent> received = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode l = JSON.readTree(line);
                double t = l.path("t_ms").asDouble();
                switch (l.path("dir").asText()) {
                    case "in" -> {
                        if (l.path("type").asText().equals("input_audio_buffer.append")) {
                            int from = WAV_HEADER + l.path("offset").asInt();
                            sent.add(new ClientStep(t, null,
                                    Arrays.copyOfRange(wav, from, from + l.path("bytes").asInt())));
                        } else if (l.has("event")) {
                            sent.add(new ClientStep(t, l.get("event"), null));
                        }
                    }
                    case "out" -> received.add(new TimedEvent(t, l.path("event")));
                    default -> { }
                }
            }
            return new Recording(dir, manifest, sent, received);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code path} itself when it is a recording, else every recording directly below it, by name. */
    public static List<Path> find(Path path) {
        if (Files.isRegularFile(path.resolve("manifest.json"))) {
            return List.of(path);
        }
        try (Stream<Path> dirs = Files.list(path)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("manifest.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list recordings in " + path + ": " + e.getMessage(), e);
        }
    }

    String pipeline() {
        return manifest.path("pipeline").asText("default");
    }

    String variant() {
        JsonNode v = manifest.path("variant");
        return v.isTextual() ? v.asText() : null;
    }

    String sessionId() {
        return manifest.path("session_id").asText(dir.getFileName().toString());
    }
}
