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
        ctx.later(Duration.ofMillis(setting.windowMs()), () -> {
            if (pending == cut) {
                release(); // no verdict in time: an ordinary turn
            }
        });
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
        long elapsedMs = (System.nanoTime() - cut.atNanos()) / 1_000_000;
        if (transcript == null || !transcript.isBlank() || elapsedMs > ctx.config.falseInterruption.windowMs()
                || responses.hasActiveInConversation()) {
            return false;
        }
        String rest = cut.unheard(ctx.conversation);
        if (rest.isEmpty()) {
            return false;
        }
        log.debug("Session {}: barge-in {} held no words after {} ms; resuming {}", ctx.identity.id(), item.id,
                elapsedMs, cut.resumedId());
        if (ctx.conversation.remove(item.id)) {
            ObjectNode deleted = ctx.out.event("conversation.item.deleted");
            deleted.put("item_id", item.id);
            ctx.out.send(deleted);
        }
        responses.resume(rest, cut.resumedId());
        return true;
    }
}
