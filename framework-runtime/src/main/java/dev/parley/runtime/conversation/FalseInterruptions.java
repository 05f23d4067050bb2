package dev.parley.runtime.conversation;

import dev.parley.runtime.engine.CommittedAudio;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * False-interruption resume (off by default). A barge-in ends the answer for the client exactly as always, but
 * its text generation is held ({@link AgentState#HELD_FOR_VERDICT}). If the interrupting turn's final
 * transcript is blank and known within the window after speech onset, the blank user item is deleted (so the
 * LLM never sees it) and a new response says the unheard rest, to the end of the answer, without a new LLM
 * call. Words, a failed transcription, a late verdict or new speech mean a normal turn, and the held generation
 * is dropped. While a verdict is pending the turn's response waits here (it would wait for the transcript
 * anyway). Runs on the session's actor.
 */
final class FalseInterruptions {
    private static final Logger log = LoggerFactory.getLogger(FalseInterruptions.class);

    private final Supplier<ConversationSettings> settings;
    private final Responses responses;
    private final Conversation conversation;
    private final TurnStates states;
    private final EventBus bus;
    private final ActorTimers timers;
    private InterruptedSpeech pending;
    private ConversationItem heldItem;
    private CommittedAudio heldAudio;
    private boolean pendingCommitted;

    FalseInterruptions(Supplier<ConversationSettings> settings, Responses responses, Conversation conversation,
                       TurnStates states, EventBus bus, ActorTimers timers) {
        this.settings = settings;
        this.responses = responses;
        this.conversation = conversation;
        this.states = states;
        this.bus = bus;
        this.timers = timers;
    }

    /**
     * Speech onset with {@code interrupt} (barge-in on): cuts the conversation's response — holding its
     * generation when a resume is possible — and starts the wait for a verdict.
     */
    void speechStarted(long utterance, boolean interrupt) {
        drop(); // new speech: an earlier verdict no longer matters; its turn stays in the conversation
        ConversationResponse active = interrupt ? responses.inConversation() : null;
        if (active == null) {
            return;
        }
        var setting = settings.get().falseInterruption();
        if (!setting.enabled() || !active.audio() || active.outOfBand()) {
            responses.interrupt();
            return;
        }
        InterruptedSpeech cut = active.interruptHolding(utterance, System.nanoTime());
        if (cut == null || (cut.generated().isBlank() && !cut.stillGenerating())) {
            if (cut != null) {
                cut.drop();
            }
            return;
        }
        pending = cut;
        pendingCommitted = false;
        states.heldForVerdict();
        timers.later(Duration.ofMillis(setting.windowMs()), () -> {
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
     * The input was cleared: speech under way is dropped, so an interrupting utterance not committed yet never
     * becomes a turn — no words. Within the window that resumes.
     */
    void inputCleared() {
        if (pending != null && !pendingCommitted && withinWindow(pending)) {
            InterruptedSpeech cut = pending;
            pending = null;
            if (!resume(cut, null)) {
                dropCut(cut);
            }
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

    /** The session ends. */
    void close() {
        drop();
    }

    private void drop() {
        InterruptedSpeech cut = pending;
        pending = null;
        heldItem = null;
        heldAudio = null;
        if (cut != null) {
            dropCut(cut);
        }
    }

    private void dropCut(InterruptedSpeech cut) {
        cut.drop();
        states.heldDropped();
    }

    private void release() {
        ConversationItem item = heldItem;
        CommittedAudio audio = heldAudio;
        drop();
        if (item != null && conversation.contains(item.id)) {
            responses.respondToTurn(item, audio);
        }
    }

    private boolean resumeIfWordless(ConversationItem item) {
        InterruptedSpeech cut = pending;
        pending = null;
        String transcript = item.content.isEmpty() ? null : item.content.get(0).transcript;
        if (transcript == null || !transcript.isBlank() || !withinWindow(cut) || !resume(cut, item)) {
            dropCut(cut);
            return false;
        }
        return true;
    }

    private boolean withinWindow(InterruptedSpeech cut) {
        return System.nanoTime() - cut.atNanos() <= settings.get().falseInterruption().windowMs() * 1_000_000L;
    }

    /** Deletes the blank user item (when there is one) and says the unheard rest; false when nothing to say. */
    private boolean resume(InterruptedSpeech cut, ConversationItem blankItem) {
        boolean nothingLeft = cut.unheard(conversation).isEmpty() && !cut.stillGenerating();
        if (nothingLeft || responses.inConversation() != null) {
            return false;
        }
        log.debug("Barge-in held no words; resuming {}", cut.resumedId());
        if (blankItem != null && conversation.remove(blankItem.id)) {
            bus.emit(new ConversationEvent.ItemDeleted(System.nanoTime(), blankItem.id));
        }
        responses.resume(cut);
        return true;
    }
}
