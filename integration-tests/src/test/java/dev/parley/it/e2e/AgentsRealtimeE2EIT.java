package dev.parley.it.e2e;

import static dev.parley.it.e2e.ScenarioChecks.assertAnswerUses;
import static dev.parley.it.e2e.ScenarioChecks.assertBargeIn;
import static dev.parley.it.e2e.ScenarioChecks.assertInOrder;
import static dev.parley.it.e2e.ScenarioChecks.assertSpokenQuestionAnswered;
import static dev.parley.it.e2e.ScenarioChecks.functionCall;
import static dev.parley.it.e2e.ScenarioChecks.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @openai/agents-realtime} ({@code RealtimeSession} + {@code OpenAIRealtimeWebSocket} on a ws:// URL, with
 * the SDK's defaults: semantic_vad turn detection, audio out) against {@code parley serve --api-key} on the real
 * default pipeline, with recorded speech streamed at real-time pace by {@code src/test/node/agents-e2e.mjs}.
 */
class AgentsRealtimeE2EIT {
    @RegisterExtension
    static final SharedServe SERVE = new SharedServe("--api-key", SharedServe.API_KEY);
    static final String KEY = SharedServe.API_KEY;
    static ParleyServeProcess server;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        server = SERVE.server();
        assertTrue(server.url().startsWith("ws://127.0.0.1:"), server.url());
        env = Map.of("PARLEY_PORT", "" + server.port(), "PARLEY_KEY", KEY,
                "PARLEY_LONG", ClientSpeech.pcm24k("meeting-rms.wav", 150, "station-slt.wav").toString(),
                "PARLEY_WEATHER", ClientSpeech.pcm24k("weather-slt.wav").toString(),
                "PARLEY_BARGE_IN", ClientSpeech.pcm24k("station-slt.wav").toString());
    }

    static JsonNode run(String scenario) throws Exception {
        return NodeScript.scenario(server, "agents-e2e.mjs", env, scenario);
    }

    /** The SDK's history: [role or type, text] per item. */
    static List<String> history(JsonNode r) {
        return java.util.stream.StreamSupport.stream(r.path("history").spliterator(), false)
                .map(i -> i.path("role").asText(i.path("type").asText()) + ": " + i.path("text").asText()).toList();
    }

    @Test
    void liveCaptionsArriveWhileTheUserSpeaksAndTheSdkKeepsTheFinalTranscript() throws Exception {
        JsonNode r = run("live-captions");
        ScenarioChecks.assertLiveCaptions(r, ScenarioChecks.LONG_QUESTION, "agents");
        String heard = r.path("heard").get(0).asText();
        assertTrue(history(r).contains("user: " + heard), "the SDK's history has the final transcript: " + history(r));
    }

    @Test
    void spokenQuestionIsDetectedBySemanticVadTranscribedAndAnsweredWithAudio() throws Exception {
        JsonNode r = run("spoken-question");
        assertEquals("semantic_vad", r.at("/turnDetection/type").asText(), "the SDK's default turn detection");
        assertSpokenQuestionAnswered(r, "agents");
        List<String> history = history(r);
        assertEquals(2, history.size(), history.toString());
        assertEquals("user: " + r.at("/heard/0").asText(), history.get(0), "the SDK holds the transcript");
        assertEquals("assistant: " + r.at("/response/text").asText(), history.get(1));
    }

    @Test
    void speakingOverTheAnswerInterruptsTheSdkAndTheInterruptionIsAnswered() throws Exception {
        JsonNode r = run("barge-in");
        assertBargeIn(r, "agents");
        assertEquals(1, r.path("interrupted").asInt(), "the SDK stopped its playback once");
        List<String> history = history(r);
        assertEquals(4, history.size(), history.toString());
        // The SDK keeps the server's heard words, or its own transcript when nothing was heard (an empty one).
        String story = r.at("/cancelled/text").asText();
        String kept = history.get(1).substring("assistant: ".length());
        String heardStory = r.path("heardStory").asText();
        assertEquals(heardStory.isEmpty() ? story : heardStory, kept, "the SDK's history of the story");
        assertEquals("user: " + r.at("/heard/0").asText(), history.get(2));
    }

    @Test
    void typedTurnGetsASpokenAnswer() throws Exception {
        JsonNode r = run("text-turn");
        assertInOrder(types(r), "conversation.item.added", "conversation.item.done", "response.created",
                "response.output_item.added", "response.content_part.added", "response.output_audio_transcript.delta",
                "response.output_audio.delta", "response.output_audio.done", "response.output_audio_transcript.done",
                "response.content_part.done", "conversation.item.done", "response.output_item.done",
                "response.done");
        assertAnswerUses(r.path("response"), "5");
        assertTrue(r.path("audioBytes").asLong() > 0, r.toString());
        assertEquals(r.at("/response/text").asText(), r.at("/agentEnds/0").asText(), "the SDK's agent_end output");
    }

    @Test
    void declaredToolIsRunByTheSdkAndTheAnswerUsesItsOutput() throws Exception {
        JsonNode r = run("tool-call");
        JsonNode call = functionCall(r.path("call"));
        assertEquals("get_weather", call.path("name").asText());
        assertEquals("{\"city\":\"Paris\"}", call.path("arguments").asText());
        assertEquals(List.of("Paris"), List.of(r.at("/toolRuns/0").asText()), "the SDK ran the tool: " + r);
        assertEquals(1, r.path("toolRuns").size(), r.toString());
        assertAnswerUses(r.path("answer"), "paris", "18", "cloudy");
        assertTrue(r.path("answerAudioBytes").asLong() > 0, r.toString());
        List<String> history = history(r);
        assertEquals("function_call: ", history.get(1), history.toString());
        System.out.println("agents tool call: " + history);
    }
}
