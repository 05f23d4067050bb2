package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.ChatMessage;
import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.ToolCall;
import dev.parley.runtime.conversation.ConversationEvent.AgentStateChanged;
import dev.parley.runtime.conversation.ConversationEvent.AudioChunk;
import dev.parley.runtime.conversation.ConversationEvent.FunctionCallArgumentsDone;
import dev.parley.runtime.conversation.ConversationEvent.InputCommitted;
import dev.parley.runtime.conversation.ConversationEvent.ItemDeleted;
import dev.parley.runtime.conversation.ConversationEvent.OutputItemAdded;
import dev.parley.runtime.conversation.ConversationEvent.ResponseDone;
import dev.parley.runtime.conversation.ConversationEvent.ResponseStarted;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStarted;
import dev.parley.runtime.conversation.ConversationEvent.TextDelta;
import dev.parley.runtime.conversation.ConversationEvent.UserStateChanged;
import dev.parley.runtime.conversation.ResponseOutcome.Reason;
import dev.parley.runtime.conversation.ResponseOutcome.Status;
import dev.parley.runtime.engine.response.ScriptedLlm;
import dev.parley.runtime.engine.response.ScriptedTts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The conversation core driven directly: commands and input-path reports in, conversation events out, through
 * the real response path (clause chunker, TTS per clause, pacer) over scripted LLM and TTS doubles. No
 * WebSocket, no JSON: what is asserted here needs nothing from the OpenAI facade.
 */
class ConversationCoreTest {
    private static ScriptedTts tts() {
        return new ScriptedTts(24_000, 3, 480);
    }

    @Test
    void aSpokenTurnIsCommittedTranscribedAndAnsweredWithSpeech() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Hello there. How can I help?", FinishReason.STOP));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            h.fire(in -> in.speechStarted(1, 0));
            SpeechStarted started = h.await(SpeechStarted.class);
            UserStateChanged speaking = h.seen(UserStateChanged.class).get(0);
            assertEquals(UserState.LISTENING, speaking.from());
            assertEquals(UserState.USER_SPEAKING, speaking.to());
            h.fire(in -> in.speechStopped(1, 800, CoreHarness.utterance(1, 0, 800)));
            InputCommitted committed = h.await(InputCommitted.class);
            assertEquals(started.itemId(), committed.itemId(), "speech and its turn share one user item");
            ResponseStarted response = h.await(ResponseStarted.class);
            assertEquals(UserState.AWAITING_TRANSCRIPT, h.core.userState());
            assertEquals(AgentState.THINKING, h.core.agentState());
            assertTrue(llm.requests.isEmpty(), "the response waits for the turn's final transcript");

            h.fire(in -> in.transcriptCompleted(1, "hi, who are you?"));
            ResponseDone done = h.await(ResponseDone.class);
            assertEquals(response.response().id(), done.response().id());
            assertEquals(Status.COMPLETED, done.outcome().status());
            assertEquals("Hello there. How can I help?", transcript(h, done.response().id()));
            assertFalse(h.seen(AudioChunk.class).isEmpty(), "the answer was spoken");
            h.await(AgentStateChanged.class, s -> s.to() == AgentState.IDLE);
            assertEquals(List.of(AgentState.THINKING, AgentState.SPEAKING, AgentState.IDLE), agentStates(h));
            assertEquals(UserState.LISTENING, h.core.userState());
            LlmRequest request = llm.requests.peek();
            assertEquals(new ChatMessage.User("hi, who are you?"), request.messages().get(0));
        }
    }

    @Test
    void speechOnsetDuringAnAnswerCancelsItAndItsModelStream() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Text("One moment. "), new ScriptedLlm.Gate(never),
                new ScriptedLlm.Text("Never said."), new ScriptedLlm.Done(FinishReason.STOP)));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            answerTurn(h, 1, "what time is it");
            h.await(AudioChunk.class);
            h.fire(in -> in.speechStarted(2, 2000));
            ResponseDone done = h.await(ResponseDone.class);
            assertEquals(ResponseOutcome.cancelled(Reason.TURN_DETECTED), done.outcome());
            assertTrue(llm.cancelled.get(), "barge-in stops the model at once");
            h.await(AgentStateChanged.class, s -> s.to() == AgentState.IDLE);
            assertEquals(UserState.USER_SPEAKING, h.core.userState());
            never.countDown();
        }
    }

    @Test
    void aFunctionCallBecomesAnItemAndItsOutputFeedsTheNextResponse() throws Exception {
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Tool(0, call),
                new ScriptedLlm.Done(FinishReason.TOOL_CALLS)));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            answerTurn(h, 1, "weather in paris");
            FunctionCallArgumentsDone args = h.await(FunctionCallArgumentsDone.class);
            assertEquals("get_weather", args.name());
            assertEquals("{\"city\":\"Paris\"}", args.arguments());
            assertEquals("call_1", args.callId());
            ResponseDone done = h.await(ResponseDone.class);
            assertEquals(Status.COMPLETED, done.outcome().status());
            OutputItemAdded added = h.seen(OutputItemAdded.class).get(0);
            assertEquals(ConversationItem.Kind.FUNCTION_CALL, added.item().kind);
            assertTrue(added.inConversation());

            ConversationItem output = new ConversationItem("item_out", ConversationItem.Kind.FUNCTION_CALL_OUTPUT);
            output.callId = "call_1";
            output.output = "{\"sky\":\"clear\"}";
            h.command(new Command.CreateItem(output, null));
            h.await(ConversationEvent.ItemAdded.class, e -> e.item().id.equals("item_out"));
            h.command(new Command.CreateResponse(ResponseOptions.of(h.core.settings())));
            h.await(ResponseDone.class);
            List<LlmRequest> requests = new ArrayList<>(llm.requests);
            List<ChatMessage> history = requests.get(1).messages();
            assertEquals(new ChatMessage.ToolResult("call_1", "get_weather", "{\"sky\":\"clear\"}"),
                    history.get(history.size() - 1));
            assertEquals(List.of(call), ((ChatMessage.Assistant) history.get(history.size() - 2)).toolCalls());
        }
    }

    @Test
    void aRefusedCommandChangesNothingAndSaysWhy() throws Exception {
        ScriptedLlm llm = new ScriptedLlm(ScriptedLlm.words("Hi.", FinishReason.STOP));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            h.command(new Command.CommitInput());
            assertEquals(new Refusal.CommitTooSmall(0), h.await(ConversationEvent.Refused.class).refusal());
            h.command(new Command.CancelResponse(null));
            assertEquals(new Refusal.NoActiveResponse(), h.await(ConversationEvent.Refused.class).refusal());
            h.command(new Command.DeleteItem("item_nope"));
            assertEquals(new Refusal.ItemNotFound("item_nope"), h.await(ConversationEvent.Refused.class).refusal());
        }
    }

    /**
     * Issue 14 bug: the model stream was cancelled at barge-in, so a resume said only what had been generated
     * before the cut. Now the generation is held while the interruption is judged, and a wordless one resumes
     * with the unheard rest — to the end of the answer, including text the model wrote after the cut.
     */
    @Test
    void aFalseInterruptionResumesTheHeldAnswerToItsEnd() throws Exception {
        CountDownLatch restOfAnswer = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Text("Paris is the capital of France. "),
                new ScriptedLlm.Gate(restOfAnswer), new ScriptedLlm.Text("It lies on the Seine. "),
                new ScriptedLlm.Text("It has many museums."), new ScriptedLlm.Done(FinishReason.STOP)));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(true), llm, tts())) {
            answerTurn(h, 1, "tell me about paris");
            String first = h.await(ResponseStarted.class).response().id();
            h.await(AudioChunk.class);
            h.fire(in -> in.speechStarted(2, 3000));
            ResponseDone cut = h.await(ResponseDone.class);
            assertEquals(first, cut.response().id());
            assertEquals(ResponseOutcome.cancelled(Reason.TURN_DETECTED), cut.outcome());
            h.await(AgentStateChanged.class, s -> s.to() == AgentState.HELD_FOR_VERDICT);
            assertFalse(llm.cancelled.get(), "the held answer keeps generating");
            restOfAnswer.countDown(); // the model writes the rest while the interruption is judged

            h.fire(in -> in.speechStopped(2, 3500, CoreHarness.utterance(2, 3000, 3500)));
            String blankItem = h.await(InputCommitted.class).itemId();
            h.fire(in -> in.transcriptCompleted(2, ""));
            assertEquals(blankItem, h.await(ItemDeleted.class).itemId());
            ResponseStarted resumed = h.await(ResponseStarted.class);
            assertNotNull(resumed.response().options().resumedFrom());
            ResponseDone done = h.await(ResponseDone.class, d -> d.response().id().equals(resumed.response().id()));
            assertEquals(Status.COMPLETED, done.outcome().status());
            String said = transcript(h, resumed.response().id());
            assertTrue(said.endsWith("It lies on the Seine. It has many museums."), said);
            assertEquals(1, llm.requests.size(), "the resume continues the held generation, no new LLM call");
            assertFalse(llm.cancelled.get());
            assertNull(h.core.item(blankItem));
        }
    }

    /** A user turn by voice whose transcript is known at once. */
    private static void answerTurn(CoreHarness h, long utterance, String words) throws InterruptedException {
        h.fire(in -> in.speechStarted(utterance, 0));
        h.fire(in -> in.transcriptCompleted(utterance, words));
        h.fire(in -> in.speechStopped(utterance, 700, CoreHarness.utterance(utterance, 0, 700)));
    }

    private static String transcript(CoreHarness h, String responseId) {
        return h.seen(TextDelta.class).stream().filter(t -> t.responseId().equals(responseId))
                .map(TextDelta::delta).collect(Collectors.joining());
    }

    private static List<AgentState> agentStates(CoreHarness h) {
        return h.seen(AgentStateChanged.class).stream().map(AgentStateChanged::to).toList();
    }
}
