package dev.parley.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ReplayComparison;
import dev.parley.bench.Replayer;
import dev.parley.bench.SessionSummary;
import dev.parley.it.RepoPaths;
import dev.parley.runtime.plugins.ComponentLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session recording and {@code parley replay} end to end: {@code parley serve --record-dir} records a spoken
 * question asked by the official {@code openai} npm client ({@code openai-e2e.mjs spoken-question}); the recording
 * on {@code ab-test} (the router picks variant A or B) is then replayed over a real WebSocket through the same
 * pipeline and variant at the recorded pace (the same transcripts and replies) and through the other variant at
 * full speed (energy vs Silero VAD: the diff is printed and is not empty).
 */
class RecordReplayIT {
    @TempDir
    Path recordings;

    @Test
    void aRecordedSessionReplaysIdenticallyOnItsPipelineAndDiffersOnAnotherVariant() throws Exception {
        JsonNode asked;
        try (ParleyServeProcess server = ParleyServeProcess.start("--tls-self-signed", "--pipeline", "ab-test",
                "--record-dir", recordings.toString())) {
            Map<String, String> env = Map.of("PARLEY_PORT", "" + server.port(),
                    "PARLEY_CA", server.certificate().toString(),
                    "PARLEY_WEATHER", ClientSpeech.pcm24k("weather-slt.wav").toString(),
                    "PARLEY_BARGE_IN", ClientSpeech.pcm24k("station-slt.wav").toString());
            asked = NodeScript.scenario(server, "openai-e2e.mjs", env, "spoken-question");
            Path session = awaitRecording();
            checkFiles(session, asked);
        }
        Path session = onlyRecording();
        String heard = asked.path("heard").get(0).asText();
        String recordedVariant = NodeScript.JSON.readTree(session.resolve("manifest.json").toFile())
                .path("variant").asText();
        String otherVariant = recordedVariant.equals("A") ? "B" : "A";
        String abTest = RepoPaths.root().resolve("pipelines/ab-test.yaml").toString();
        PrintWriter out = new PrintWriter(System.out, true);
        // one replay server for both variants; the recorded variant at the recorded pace
        try (Replayer replayer = new Replayer(ComponentLoader.shared(RepoPaths.plugins()).registry(), true)) {
            ReplayComparison same = replayer.replay(session, new Replayer.Target(abTest, recordedVariant));
            same.print(out);
            assertEquals(List.of(heard), same.recorded().transcripts(), "the recording holds what the client heard");
            assertEquals(same.recorded().transcripts(), same.replayed().transcripts(),
                    "same pipeline, same recording: the same transcripts");
            assertEquals(0.0, same.werPercent());
            assertEquals(bounds(same.recorded()), bounds(same.replayed()), "the same turn boundaries");
            // the replies are compared and printed, not asserted: on a loaded machine the bounded transcript wait
            // may run out in one run and not the other, and the responder then answers an empty turn

            // the other variant as fast as the server takes the audio (--speed max): the turns come from the audio
            ReplayComparison other = replayer.replay(session, new Replayer.Target(abTest, otherVariant), false);
            other.print(out);
            assertFalse(other.differences().isEmpty(), "energy and Silero VAD cut the turn differently: "
                    + other.differences());
            assertFalse(other.replayed().turns().isEmpty(), "variant " + otherVariant + " heard the question too");
        }
    }

    private static List<String> bounds(SessionSummary s) {
        return s.turns().stream().map(t -> t.startMs() + "-" + t.endMs()).toList();
    }

    /** The recorded files: the wire both ways, the audio as WAV a real parser reads, the manifest. */
    private static void checkFiles(Path session, JsonNode asked) throws Exception {
        JsonNode manifest = NodeScript.JSON.readTree(session.resolve("manifest.json").toFile());
        assertEquals("ab-test", manifest.path("pipeline").asText());
        assertTrue(manifest.path("variant").isTextual(), manifest.toString());
        assertTrue(manifest.at("/components/stt/class").asText().contains("ocketsphinx"), manifest.toString());
        assertTrue(manifest.path("plugins").size() > 0, manifest.toString());
        List<String> lines = Files.readAllLines(session.resolve("events.jsonl"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"dir\":\"in\"") && l.contains("session.update")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"dir\":\"out\"") && l.contains("response.done")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"dir\":\"core\"") && l.contains("TranscriptCompleted")));
        AudioFormat in = AudioSystem.getAudioFileFormat(session.resolve("input.wav").toFile()).getFormat();
        assertEquals(24000, in.getSampleRate());
        long inputBytes = Files.size(session.resolve("input.wav")) - 44;
        assertTrue(inputBytes >= Files.size(ClientSpeech.pcm24k("weather-slt.wav")), "all of the question");
        long outputBytes = Files.size(session.resolve("output.wav")) - 44;
        assertEquals(asked.path("audioBytes").asLong(), outputBytes, "the answer's audio as sent");
    }

    private Path awaitRecording() throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
            try (Stream<Path> dirs = Files.list(recordings)) {
                for (Path d : dirs.toList()) {
                    Path m = d.resolve("manifest.json");
                    if (Files.isRegularFile(m) && NodeScript.JSON.readTree(m.toFile()).has("ended_at")) {
                        return d;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished recording in " + recordings);
    }

    private Path onlyRecording() throws Exception {
        try (Stream<Path> dirs = Files.list(recordings)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), "one session, one recording: " + all);
            return all.get(0);
        }
    }
}
