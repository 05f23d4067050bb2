package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.CommittedAudio;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * False-interruption resume ({@code session.parley.false_interruption}, off by default). A barge-in cancels the
 * answer exactly as always; this class only remembers what was cut ({@link InterruptedSpeech}). If the
 * interrupting turn's final transcript is blank and known within {@code window_ms} of {@code speech_started},
 * the blank user item is deleted ({@code conversation.item.deleted}, so the LLM never sees it) and a new response
 * says the unheard rest without calling the LLM. Words, a failed transcription, a late verdict or new speech
 * mean a normal turn. While a verdict is pending the turn's response waits here (it would wait for the
 * transcript anyway). Runs on the session's actor.
 */
final class FalseInterruptionPolicy {
    private static final Logger log = LoggerFactory.getLogger(FalseInterruptionPolicy.class);

    private final SessionContext ctx;
    private final ResponseCoordinator responses;
    private InterruptedSpeech pending;
    private ConversationItem heldItem;
    private CommittedAudio heldAudio;
    private boolean pendingCommitted;

    FalseInterruptionPolicy(SessionContext ctx, ResponseCoordinator responses) {
        this.ctx = ctx;
        this.responses = responses;
    }

    /** Speech onset; {@code cancelled} is the answer the barge-in just cancelled, or null. */
    void speechStarted(long utterance, ActiveResponse cancelled) {
        pending = null; // new speech: an earlier verdict no longer matters; its turn stays in the conversation
        heldItem = null;
        heldAudio = null;
        FalseInterruption setting = ctx.config.falseInterruption;
        if (!setting.enabled() || cancelled == null || !cancelled.audio() || cancelled.outOfBand()) {
            return;
        }
        InterruptedSpeech cut = cancelled.interruptedSpeech(utterance, System.nanoTime());
        if (cut.generatedText().isBlank()) {
            return;
        }
        pending = cut;
        pendingCommitted = false;
        ctx.later(Duration.ofMillis(setting.windowMs()), () -> {
            if (pending == cut) {
                release(); // no verdict in time: an ordinary turn
            }
        });
    }

    /** The speech of {@code utterance} became a committed user item. */
    void committed(long utterance) {
        if (pending != null && pending.utterance() == utterance) {
            pendingCommitted = true;
        }
    }

    /**
     * {@code input_audio_buffer.clear}: speech under way is dropped, so an interrupting utterance not committed
     * yet never becomes a turn — no words. Within the window that resumes.
     */
    void inputCleared() {
        if (pending != null && !pendingCommitted && withinWindow(pending)) {
            InterruptedSpeech cut = pending;
            pending = null;
            resume(cut, null);
        }
    }

    /** The turn of {@code utterance} was committed and is to be answered; true when this class took it over. */
    boolean holdTurn(long utterance, ConversationItem item, CommittedAudio audio) {
        if (pending == null || pending.utterance() != utterance) {
            return false;
        }
        if (item.transcriptPending) {
            heldItem = item;
            heldAudio = audio;
            return true;
        }
        return resumeIfWordless(item);
    }

    /** The final transcript of {@code utterance} was applied to its item. */
    void transcriptFinal(long utterance) {
        if (pending == null || pending.utterance() != utterance || heldItem == null) {
            return;
        }
        ConversationItem item = heldItem;
        CommittedAudio audio = heldAudio;
        heldItem = null;
        heldAudio = null;
        if (!resumeIfWordless(item)) {
            responses.respondToTurn(item, audio);
        }
    }

    /** Transcription of {@code utterance} failed: words unknown, so an ordinary turn. */
    void transcriptFailed(long utterance) {
        if (pending != null && pending.utterance() == utterance) {
            release();
        }
    }

    private void release() {
        ConversationItem item = heldItem;
        CommittedAudio audio = heldAudio;
        pending = null;
        heldItem = null;
        heldAudio = null;
        if (item != null && ctx.conversation.contains(item.id)) {
            responses.respondToTurn(item, audio);
        }
    }

    private boolean resumeIfWordless(ConversationItem item) {
        InterruptedSpeech cut = pending;
        pending = null;
        String transcript = item.content.isEmpty() ? null : item.content.get(0).transcript;
        if (transcript == null || !transcript.isBlank() || !withinWindow(cut)) {
            return false;
        }
        return resume(cut, item);
    }

    private boolean withinWindow(InterruptedSpeech cut) {
        return System.nanoTime() - cut.atNanos() <= ctx.config.falseInterruption.windowMs() * 1_000_000L;
    }

    /** Deletes the blank user item (when there is one) and says the unheard rest; false when nothing to say. */
    private boolean resume(InterruptedSpeech cut, ConversationItem blankItem) {
        String rest = cut.unheard(ctx.conversation);
        if (rest.isEmpty() || responses.hasActiveInConversation()) {
            return false;
        }
        log.debug("Session {}: barge-in held no words; resuming {}", ctx.identity.id(), cut.resumedId());
        if (blankItem != null && ctx.conversation.remove(blankItem.id)) {
            ObjectNode deleted = ctx.out.event("conversation.item.deleted");
            deleted.put("item_id", blankItem.id);
            ctx.out.send(deleted);
        }
        responses.resume(rest, cut.resumedId());
        return true;
    }
}
