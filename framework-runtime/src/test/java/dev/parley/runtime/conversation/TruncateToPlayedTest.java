package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.llm.FinishReason;
import dev.parley.runtime.conversation.ConversationEvent.AudioChunk;
import dev.parley.runtime.conversation.ConversationEvent.ItemTruncated;
import dev.parley.runtime.conversation.ConversationEvent.ResponseDone;
import dev.parley.runtime.conversation.ConversationEvent.SpeechStarted;
import dev.parley.runtime.conversation.ConversationEvent.TextDelta;
import dev.parley.runtime.conversation.ResponseOutcome.Reason;
import dev.parley.runtime.conversation.ResponseOutcome.Status;
import dev.parley.runtime.engine.response.ScriptedLlm;
import dev.parley.runtime.engine.response.ScriptedTts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the server's own truncation to what was played ({@link Command.TruncateToPlayed}, a WebRTC call's
 * playout cut) is accepted for an item still being generated: from the cut on the core sends none of the
 * response's audio, and the item is truncated after the response's {@code ResponseDone}. The client's
 * {@link Command.TruncateItem} of an item in progress is still refused. Real response path over scripted LLM and
 * TTS (3 chunks of 20 ms per clause).
 */
class TruncateToPlayedTest {
    /** Every event in order, with "CUT" where the command was handled. */
    private final List<String> order = new CopyOnWriteArrayList<>();

    private static ScriptedTts tts() {
        return new ScriptedTts(24_000, 3, 480);
    }

    private static String name(ConversationEvent e) {
        return e instanceof AudioChunk a ? "AudioChunk " + a.responseId() : e.getClass().getSimpleName();
    }

    @Test
    void aCutWhileGeneratingMutesTheRestAndTruncatesAfterResponseDone() throws Exception {
        CountDownLatch rest = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Text("One moment. "), new ScriptedLlm.Gate(rest),
                new ScriptedLlm.Text("Here it is now."), new ScriptedLlm.Done(FinishReason.STOP)));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            h.onActor(() -> h.core.subscribe(e -> order.add(name(e))));
            answerTurn(h, 1, "what time is it");
            AudioChunk first = h.await(AudioChunk.class);
            String itemId = first.itemId();

            h.command(new Command.TruncateItem(itemId, 0, 20));
            assertEquals(new Refusal.ItemInProgress(itemId), h.await(ConversationEvent.Refused.class).refusal(),
                    "the client's own truncate of an item in progress is refused as before");
            h.actor.execute(() -> {
                h.core.handle(new Command.TruncateToPlayed(itemId, 20));
                order.add("CUT");
            });
            rest.countDown(); // the model goes on: its next clause is synthesised but nobody hears it
            ResponseDone done = h.await(ResponseDone.class);
            assertEquals(Status.COMPLETED, done.outcome().status());
            ItemTruncated truncated = h.await(ItemTruncated.class);
            assertEquals(new ItemTruncated(truncated.atNanos(), itemId, 0, 20), truncated);

            h.onActor(() -> { }); // the dispatch that emitted it has reached every observer
            List<String> all = List.copyOf(order);
            List<String> afterCut = all.subList(all.indexOf("CUT"), all.size());
            System.out.println("after the cut: " + afterCut);
            assertFalse(afterCut.contains("AudioChunk " + first.responseId()), "no audio after the cut: " + afterCut);
            assertTrue(h.seen(TextDelta.class).stream().anyMatch(t -> t.delta().contains("now")),
                    "the text goes on (the transcript still arrives)");
            assertTrue(afterCut.indexOf("ItemTruncated") > afterCut.indexOf("ResponseTimingReport"),
                    "truncated after the response's closing events: " + afterCut);
            assertTrue(h.seen(ConversationEvent.Refused.class).size() == 1, "only the client's truncate refused");
            ContentPart part = h.core.item(itemId).content.get(0);
            assertEquals(20, part.audioMs);
            assertEquals(20 * 48, part.audio.length, "24 kHz PCM16: 48 bytes a ms");
        }
    }

    /** As a call's tap does it: the cut is handed to the core inside its dispatch of the speech onset. */
    @Test
    void aBargeInCutInsideTheOnsetDispatchTruncatesAfterTheCancelledResponseIsDone() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ScriptedLlm llm = new ScriptedLlm(List.of(new ScriptedLlm.Text("One moment. "), new ScriptedLlm.Gate(never),
                new ScriptedLlm.Text("Never said."), new ScriptedLlm.Done(FinishReason.STOP)));
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm, tts())) {
            String[] playing = new String[1];
            h.onActor(() -> h.core.subscribe(e -> {
                order.add(name(e));
                if (e instanceof AudioChunk a) {
                    playing[0] = a.itemId();
                } else if (e instanceof SpeechStarted && playing[0] != null) {
                    h.core.handle(new Command.TruncateToPlayed(playing[0], 10));
                    order.add("CUT");
                }
            }));
            answerTurn(h, 1, "what time is it");
            String itemId = h.await(AudioChunk.class).itemId();
            h.fire(in -> in.speechStarted(2, 2000));
            ResponseDone done = h.await(ResponseDone.class);
            assertEquals(ResponseOutcome.cancelled(Reason.TURN_DETECTED), done.outcome());
            ItemTruncated truncated = h.await(ItemTruncated.class);
            assertEquals(itemId, truncated.itemId());
            assertEquals(10, truncated.audioEndMs());

            h.onActor(() -> { }); // the dispatch that emitted it has reached every observer
            List<String> all = List.copyOf(order);
            List<String> afterCut = all.subList(all.indexOf("CUT"), all.size());
            System.out.println("barge-in, after the cut: " + afterCut);
            assertEquals("SpeechStarted", all.get(all.indexOf("CUT") - 1));
            assertFalse(afterCut.stream().anyMatch(s -> s.startsWith("AudioChunk")), afterCut.toString());
            assertTrue(afterCut.indexOf("ResponseDone") < afterCut.indexOf("ItemTruncated"), afterCut.toString());
            assertEquals("AgentStateChanged", afterCut.get(afterCut.indexOf("ItemTruncated") - 1),
                    "the truncation comes after everything the onset did: " + afterCut);
            assertTrue(h.seen(ConversationEvent.Refused.class).isEmpty(), "accepted: " + h.seen);
            assertEquals(10, h.core.item(itemId).content.get(0).audioMs);
            never.countDown();
        }
    }

    /** A user turn by voice whose transcript is known at once. */
    private static void answerTurn(CoreHarness h, long utterance, String words) {
        h.fire(in -> in.speechStarted(utterance, 0));
        h.fire(in -> in.transcriptCompleted(utterance, words));
        h.fire(in -> in.speechStopped(utterance, 700, CoreHarness.utterance(utterance, 0, 700)));
    }
}
