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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying client events that name server ids: {@code parley serve --record-dir} records the official
 * {@code openai} client's session ({@code openai-e2e.mjs tool-call-truncate}: a spoken question, the function call
 * it asks for answered with a {@code function_call_output}, a story interrupted by speech and truncated, the
 * truncated item retrieved). The replay through the same pipeline gets new ids from its server; the test checks
 * that it sent the output, the truncation and the retrieval with the replay's ids (the server applied each of
 * them, no error: sent with the recorded ids, each would be answered with an {@code error}) and that the comparison, read in the recording's ids, finds the same client edits.
 */
class RecordReplayIdsIT {
    @TempDir
    Path recordings;

    @Test
    void aReplayAppliesTheRecordedFunctionOutputAndTruncationToItsOwnItems() throws Exception {
        JsonNode asked;
        try (ParleyServeProcess server = ParleyServeProcess.start("--tls-self-signed", "--record-dir",
                recordings.toString())) {
            Map<String, String> env = Map.of("PARLEY_PORT", "" + server.port(),
                    "PARLEY_CA", server.certificate().toString(),
                    "PARLEY_WEATHER", ClientSpeech.pcm24k("weather-slt.wav").toString(),
                    "PARLEY_BARGE_IN", ClientSpeech.pcm24k("station-slt.wav").toString());
            asked = NodeScript.scenario(server, "openai-e2e.mjs", env, "tool-call-truncate");
            awaitRecording();
        }
        assertFalse(asked.at("/tool/argumentsDone").isEmpty(), "the question asked for the function: " + asked);
        assertTrue(asked.path("truncated").has("item_id"), asked.toString());
        Path session = onlyRecording();
        String pipeline = RepoPaths.root().resolve("pipelines/default.yaml").toString();
        try (Replayer replayer = new Replayer(ComponentLoader.shared(RepoPaths.plugins()).registry(), true)) {
            ReplayComparison c = replayer.replay(session, new Replayer.Target(pipeline, null));
            c.print(new PrintWriter(System.out, true));
            List<String> recordedEdits = c.recorded().applied().stream().map(SessionSummary.Applied::event).toList();
            assertEquals(List.of("function_call_output", "conversation.item.truncated", "conversation.item.retrieved"),
                    recordedEdits, "the recording holds the client's edits as the server confirmed them");
            assertEquals(c.recorded().applied(), c.replayed().applied(),
                    "the replay applied the same edits to the same things (its ids read as the recording's)");
            assertEquals(List.of(), c.replayed().errors(), "no client event named an id the replay did not know");
            assertEquals(c.recorded().transcripts(), c.replayed().transcripts());
            assertTrue(c.replayed().replies().size() >= 3, "the call, the answer to its output, the story: "
                    + c.replayed().replies());
            String recordedStory = asked.path("storyId").asText();
            assertTrue(c.recorded().applied().stream().anyMatch(a -> a.id().equals(recordedStory)), c.toString());
        }
    }

    private void awaitRecording() throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
            try (Stream<Path> dirs = Files.list(recordings)) {
                for (Path d : dirs.toList()) {
                    Path m = d.resolve("manifest.json");
                    if (Files.isRegularFile(m) && NodeScript.JSON.readTree(m.toFile()).has("ended_at")) {
                        return;
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
