package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.llm.FinishReason;
import dev.parley.runtime.conversation.ConversationEvent.InputCommitted;
import dev.parley.runtime.conversation.ConversationEvent.ItemDeleted;
import dev.parley.runtime.conversation.ConversationEvent.TranscriptCompleted;
import dev.parley.runtime.conversation.ConversationEvent.TranscriptFailed;
import dev.parley.runtime.engine.response.ScriptedLlm;
import dev.parley.runtime.engine.response.ScriptedTts;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a user turn's final transcript that arrives after its item was deleted (by the client, or evicted by
 * the conversation's item cap) was kept as an "early" transcript for ever — nothing commits that utterance again —
 * and the user state stayed {@code AWAITING_TRANSCRIPT}. Now nothing is kept and the state returns to listening.
 */
class EarlyTranscriptLeakTest {
    private static ScriptedLlm llm() {
        return new ScriptedLlm(ScriptedLlm.words("Hi.", FinishReason.STOP));
    }

    private static int held(CoreHarness h) {
        int[] n = new int[1];
        h.onActor(() -> n[0] = h.core.earlyTranscriptsHeld());
        return n[0];
    }

    @Test
    void aFinalForADeletedTurnIsNotKept() throws Exception {
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm(), new ScriptedTts(24_000, 3, 480))) {
            h.fire(in -> in.speechStarted(1, 0));
            h.fire(in -> in.speechStopped(1, 800, CoreHarness.utterance(1, 0, 800)));
            String user = h.await(InputCommitted.class).itemId();
            assertEquals(UserState.AWAITING_TRANSCRIPT, h.core.userState());
            h.command(new Command.DeleteItem(user));
            h.await(ItemDeleted.class, d -> d.itemId().equals(user));

            h.fire(in -> in.transcriptCompleted(1, "hello there"));
            h.await(TranscriptCompleted.class);
            assertEquals(0, held(h), "no early transcript kept for an utterance already committed");
            assertEquals(UserState.LISTENING, h.core.userState(), "no final is due any more");
        }
    }

    @Test
    void aFailedTranscriptForATurnEvictedByTheItemCapIsNotKept() throws Exception {
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm(), new ScriptedTts(24_000, 3, 480), 2)) {
            h.fire(in -> in.speechStarted(1, 0));
            h.fire(in -> in.speechStopped(1, 800, CoreHarness.utterance(1, 0, 800)));
            String user = h.await(InputCommitted.class).itemId();
            for (String id : new String[] {"item_a", "item_b"}) {
                ConversationItem typed = ConversationItem.message(id, "user");
                typed.content.add(ContentPart.text("input_text", "typed " + id));
                h.command(new Command.CreateItem(typed, null));
            }
            h.await(ItemDeleted.class, d -> d.itemId().equals(user)); // the cap of 2 evicted the spoken turn

            h.fire(in -> in.transcriptFailed(1, "stt down"));
            h.await(TranscriptFailed.class);
            assertEquals(0, held(h), "no early transcript kept for an evicted utterance");
            assertEquals(UserState.LISTENING, h.core.userState());
        }
    }

    /** Utterance ids are kept for recent utterances only: a long session does not grow by one per utterance. */
    @Test
    void onlyRecentUtterancesKeepTheirItemId() throws Exception {
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm(), new ScriptedTts(24_000, 3, 480))) {
            int utterances = VoiceTurns.RECENT_UTTERANCES + 100;
            for (long u = 1; u <= utterances; u++) {
                long utterance = u;
                h.fire(in -> in.speechStarted(utterance, 0)); // cleared before any commit: nothing else refers to it
            }
            int[] n = new int[1];
            h.onActor(() -> n[0] = h.core.utteranceIdsHeld());
            assertEquals(VoiceTurns.RECENT_UTTERANCES, n[0]);
        }
    }

    /** The early path itself still works: a final before its commit is applied at the commit. */
    @Test
    void aFinalBeforeItsCommitIsStillAppliedThen() throws Exception {
        try (CoreHarness h = new CoreHarness(CoreHarness.voice(false), llm(), new ScriptedTts(24_000, 3, 480))) {
            h.fire(in -> in.speechStarted(1, 0));
            h.fire(in -> in.transcriptCompleted(1, "early words"));
            h.await(TranscriptCompleted.class);
            assertEquals(1, held(h));
            h.fire(in -> in.speechStopped(1, 800, CoreHarness.utterance(1, 0, 800)));
            String user = h.await(InputCommitted.class).itemId();
            assertEquals(0, held(h));
            String[] transcript = new String[1];
            h.onActor(() -> transcript[0] = h.core.item(user).content.get(0).transcript);
            assertEquals("early words", transcript[0]);
        }
    }
}
