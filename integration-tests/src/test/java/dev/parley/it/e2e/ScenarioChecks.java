package dev.parley.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import dev.parley.testkit.WordErrorRate;
import java.util.Locale;

/**
 * Assertions shared by the client scenarios (the node scripts report the same shape for both clients): event
 * order, the recogniser's transcript against the fixture's (word error rate), audio amounts, response outcomes.
 * Each check prints the figures it saw, so a test log shows what the system did.
 */
final class ScenarioChecks {
    /**
     * Word error rate the pocketsphinx transcript of a clean recorded question must stay within: at most two
     * errors in six words. pocketsphinx's words shift with where the speech segment starts, to the millisecond:
     * joke-slt.wav, decoded from ten start offsets 0–5 ms apart, came out right only 5 times ("tell me a job done on
     * computer is", "... joke and on computers"), so the scenarios use questions it decodes from every offset
     * (weather-slt.wav, station-slt.wav: 10 of 10).
     */
    static final double MAX_WER = 0.34;
    /** pcm16 mono 24 kHz: bytes per second. */
    static final int BYTES_PER_SECOND = 48_000;

    private ScenarioChecks() {
    }

    static List<String> types(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("events").forEach(t -> out.add(t.asText()));
        return out;
    }

    /** {@code expected} occur in {@code types} in this order (others may come between). */
    static void assertInOrder(List<String> types, String... expected) {
        int at = 0;
        for (String e : expected) {
            int found = types.subList(at, types.size()).indexOf(e);
            assertTrue(found >= 0, () -> "'" + e + "' missing from the order " + List.of(expected)
                    + "; events: " + types);
            at += found + 1;
        }
    }

    /** The first transcript of {@code heard} matches the fixture's words within {@link #MAX_WER}. */
    static double assertHeard(JsonNode result, String fixture, String label) throws Exception {
        String reference = ClientSpeech.transcript(fixture);
        assertFalse(result.path("heard").isEmpty(), "no transcription.completed: " + result);
        String heard = result.path("heard").get(0).asText();
        double wer = WordErrorRate.of(reference, heard);
        System.out.printf(Locale.ROOT, "%s: %s heard \"%s\" (reference \"%s\"), WER %.2f%n", label, fixture, heard,
                reference, wer);
        assertTrue(wer <= MAX_WER, "WER " + wer + " > " + MAX_WER + ": heard '" + heard + "' for '" + reference + "'");
        return wer;
    }

    /** What {@code ClientSpeech.pcm24k("meeting-rms.wav", 150, "station-slt.wav")} says. */
    static final String LONG_QUESTION = ClientSpeech.transcript("meeting-rms.wav") + " "
            + ClientSpeech.transcript("station-slt.wav");

    /**
     * Live captions (issue 19): for the spoken item, transcription deltas arrive before speech_stopped, and the
     * caption a client builds (last {@code parley.input_audio_transcription.revised}, then the deltas) ends as the
     * final transcript. Prints the caption's timeline (ms after speech_started) for the report.
     */
    static void assertLiveCaptions(JsonNode result, String reference, String label) throws Exception {
        String heardText = result.path("heard").path(0).asText();
        double wer = WordErrorRate.of(reference, heardText);
        // Printed, not bounded: the joined 7 s question is heard with WER 0.29-0.65 on a loaded machine (issue 19
        // run, 2026-12-02); what this check is about is when the words come and that they add up to the final.
        System.out.printf(Locale.ROOT, "%s: heard \"%s\" (reference \"%s\"), WER %.2f%n", label, heardText, reference,
                wer);
        assertFalse(heardText.isBlank(), "the long question was heard: " + result.path("captions"));
        JsonNode spoken = null;
        for (JsonNode c : result.path("captions")) {
            if (c.path("final").isTextual() && c.has("stopped_ms")) {
                spoken = c;
            }
        }
        assertTrue(spoken != null, "no spoken item with a final transcript: " + result.path("captions"));
        JsonNode updates = spoken.path("updates");
        assertFalse(updates.isEmpty(), "no transcription update at all: " + spoken);
        long first = updates.get(0).path("at").asLong();
        long stopped = spoken.path("stopped_ms").asLong();
        long maxGap = 0;
        for (int i = 1; i < updates.size() && updates.get(i).path("at").asLong() < stopped; i++) {
            maxGap = Math.max(maxGap, updates.get(i).path("at").asLong() - updates.get(i - 1).path("at").asLong());
        }
        System.out.printf(Locale.ROOT, "%s live captions: first update %d ms after speech_started, speech_stopped at"
                        + " %d ms, completed at %d ms, largest gap before speech_stopped %d ms, %d revisions; %s%n",
                label, first, stopped, spoken.path("completed_ms").asLong(), maxGap, spoken.path("revisions").asInt(),
                updates);
        assertTrue(first < stopped, "a partial arrives before speech_stopped: " + spoken);
        assertEquals(spoken.path("final").asText(), spoken.path("caption").asText(),
                "revision + deltas add up to the final transcript: " + spoken);
    }

    /** A spoken question: detected, committed, transcribed, answered with ≥ 1 s of audio and a transcript. */
    static void assertSpokenQuestionAnswered(JsonNode result, String label) throws Exception {
        List<String> types = types(result);
        assertInOrder(types, "input_audio_buffer.speech_started", "input_audio_buffer.speech_stopped",
                "input_audio_buffer.committed", "conversation.item.added", "response.created",
                "response.output_audio.delta", "response.output_audio.done", "response.done");
        assertInOrder(types, "input_audio_buffer.committed",
                "conversation.item.input_audio_transcription.completed");
        assertHeard(result, "weather-slt.wav", label);
        JsonNode ids = result.path("ids");
        String item = ids.path("speech_started").asText();
        assertTrue(item.startsWith("item_"), ids.toString());
        ids.forEach(id -> assertEquals(item, id.asText(), "every event of the voice turn names its user item: " + ids));
        assertEquals(5, ids.size(), ids.toString());
        JsonNode response = result.path("response");
        assertEquals("completed", response.path("status").asText(), response.toString());
        assertFalse(response.path("text").asText().isBlank(), "the answer has a transcript: " + response);
        long bytes = result.path("audioBytes").asLong();
        System.out.printf(Locale.ROOT, "%s: answer %.2f s of audio, \"%s\"%n", label,
                bytes / (double) BYTES_PER_SECOND, response.path("text").asText());
        assertTrue(bytes >= BYTES_PER_SECOND, "at least 1 s of answer audio: " + bytes + " bytes");
    }

    /**
     * Speaking over a long answer: speech_started comes while it streams, no audio of it after that, it ends
     * cancelled/turn_detected, the assistant item is truncated, and the interruption is the next, answered turn.
     */
    static void assertBargeIn(JsonNode result, String label) throws Exception {
        List<String> types = types(result);
        JsonNode cancelled = result.path("cancelled");
        assertEquals("cancelled", cancelled.path("status").asText(), types.toString());
        assertEquals("turn_detected", cancelled.path("reason").asText(), cancelled.toString());
        assertEquals("incomplete", cancelled.at("/items/0/status").asText(), "the cut assistant item: " + cancelled);
        int onset = types.indexOf("input_audio_buffer.speech_started");
        int firstDone = types.indexOf("response.done");
        assertTrue(onset >= 0 && onset < firstDone, "speech_started before the cancelled response.done: " + types);
        assertFalse(types.subList(onset, firstDone).contains("response.output_audio.delta"),
                "no audio of the story after the barge-in: " + types);
        assertInOrder(types.subList(onset, types.size()), "input_audio_buffer.speech_started",
                "response.output_audio.done", "response.output_item.done", "response.done",
                "input_audio_buffer.speech_stopped", "input_audio_buffer.committed", "response.created",
                "response.output_audio.delta", "response.done");
        assertTrue(types.contains("conversation.item.truncated"), types.toString());
        long truncatedAt = result.at("/truncated/audio_end_ms").asLong();
        long storyMs = result.path("storyAudioBytes").asLong() / (BYTES_PER_SECOND / 1000);
        assertTrue(truncatedAt >= 0 && truncatedAt <= storyMs, result.path("truncated") + " of " + storyMs + " ms");
        // The server keeps the words of the audio that was played: a prefix of the story, shorter when cut early.
        String story = cancelled.path("text").asText();
        String heardStory = result.path("heardStory").asText();
        assertTrue(story.startsWith(heardStory), "'" + heardStory + "' is a prefix of '" + story + "'");
        if (truncatedAt < storyMs / 2) {
            assertTrue(heardStory.length() < story.length(), "cut at " + truncatedAt + " of " + storyMs
                    + " ms, the item keeps less than the story: '" + heardStory + "'");
        }
        assertHeard(result, "station-slt.wav", label);
        JsonNode next = result.path("next");
        assertEquals("completed", next.path("status").asText(), next.toString());
        assertFalse(next.path("text").asText().isBlank(), next.toString());
        long bytes = result.path("nextAudioBytes").asLong();
        assertTrue(bytes >= BYTES_PER_SECOND, "the interruption got a spoken answer: " + bytes + " bytes");
        System.out.printf(Locale.ROOT, "%s: story cancelled (%s) after %d ms of its audio had arrived, truncated at"
                + " %d ms (heard \"%s\"); next turn answered with %.2f s of audio%n", label,
                cancelled.path("reason").asText(), storyMs, truncatedAt, heardStory, bytes / (double) BYTES_PER_SECOND);
    }

    /** The tool's output came back in the final answer of a completed response. */
    static void assertAnswerUses(JsonNode answer, String... words) {
        assertEquals("completed", answer.path("status").asText(), answer.toString());
        String text = answer.path("text").asText().toLowerCase(Locale.ROOT);
        for (String w : words) {
            assertTrue(text.contains(w), "answer mentions '" + w + "': " + answer);
        }
    }

    /** The function_call item of the first response of a tool round trip. */
    static JsonNode functionCall(JsonNode call) {
        assertEquals("completed", call.path("status").asText(), call.toString());
        for (JsonNode item : call.path("items")) {
            if (item.path("type").asText().equals("function_call")) {
                return item;
            }
        }
        throw new AssertionError("no function_call item in " + call);
    }
}
