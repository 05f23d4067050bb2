package dev.parley.runtime.conversation;

import dev.parley.runtime.conversation.ResponseOutcome.Reason;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.ResponseTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's responses: at most one writing to the conversation, any number out of band. Starts them on
 * request or when a voice turn ends (deferring a turn that ends while one runs), cancels them on request or
 * barge-in, lets waiting ones proceed when transcripts arrive. Runs on the session's actor.
 */
final class Responses implements ConversationResponse.Owner {
    private static final Logger log = LoggerFactory.getLogger(Responses.class);

    private final EventBus bus;
    private final Engines engines;
    private final ActorTimers timers;
    private final Duration transcriptWait;
    private final Conversation conversation;
    private final Supplier<ConversationSettings> settings;
    private final TurnStates states;
    private final Runnable turnBoundary;
    private final List<ConversationResponse> live = new ArrayList<>();
    private ConversationResponse inConversation;
    /** A voice turn that ended while a response was running (interrupt_response off): answered right after it. */
    private ConversationItem deferredTurn;
    private CommittedAudio deferredAudio;
    private boolean assistantAudioPresent;
    private boolean open = true;

    Responses(EventBus bus, Engines engines, ActorTimers timers, Duration transcriptWait, Conversation conversation,
              Supplier<ConversationSettings> settings, TurnStates states, Runnable turnBoundary) {
        this.bus = bus;
        this.engines = engines;
        this.timers = timers;
        this.transcriptWait = transcriptWait;
        this.conversation = conversation;
        this.settings = settings;
        this.states = states;
        this.turnBoundary = turnBoundary;
    }

    /** True once assistant audio was sent: the voice can no longer change. */
    boolean assistantAudioPresent() {
        return assistantAudioPresent;
    }

    /** A client's request for a response. */
    void create(ResponseOptions options) {
        if (!settings.get().responsesEnabled()) {
            throw new RefusedException(new Refusal.ResponsesUnavailable());
        }
        if (!options.outOfBand() && inConversation != null) {
            throw new RefusedException(new Refusal.ResponseAlreadyActive(inConversation.id()));
        }
        List<ConversationItem> context = options.input() != null ? options.input()
                : List.copyOf(conversation.items());
        if (!options.outOfBand()) {
            deferredTurn = null; // the client's own response covers the conversation so far
        }
        start(options, context, null, new ResponseTiming(), null);
    }

    /** A voice turn ended with automatic responses on: answer it unless a response is still running. */
    void respondToTurn(ConversationItem userItem, CommittedAudio audio) {
        if (!settings.get().responsesEnabled()) {
            return;
        }
        if (inConversation != null) {
            log.debug("Turn {} ended while response {} is active; answering it next", userItem.id,
                    inConversation.id());
            deferredTurn = userItem;
            deferredAudio = audio;
            return;
        }
        deferredTurn = null;
        deferredAudio = null;
        ResponseTiming timing = new ResponseTiming();
        if (audio != null && audio.turnEndNanos() > 0) {
            timing.mark(ResponseTiming.Stage.TURN_DECIDED, audio.turnEndNanos());
        }
        if (audio != null && audio.speechEndNanos() > 0) {
            timing.mark(ResponseTiming.Stage.SPEECH_END, audio.speechEndNanos());
        }
        start(ResponseOptions.of(settings.get()), List.copyOf(conversation.items()), userItem, timing, null);
    }

    /** False-interruption resume: a new spoken response in the conversation that says the unheard rest. */
    void resume(InterruptedSpeech cut) {
        ResponseOptions options = ResponseOptions.of(settings.get()).resuming(cut.resumedId());
        ConversationResponse.Script script = cut.held() == null
                ? new ConversationResponse.Script(cut.unheard(conversation), null, 0)
                : new ConversationResponse.Script(null, cut.held(), cut.unheardFrom(conversation));
        start(options, List.of(), null, new ResponseTiming(), script);
    }

    private void start(ResponseOptions options, List<ConversationItem> context, ConversationItem trigger,
                       ResponseTiming timing, ConversationResponse.Script script) {
        ConversationResponse r = new ConversationResponse(bus, engines, timers, transcriptWait, conversation,
                options, context, trigger, timing, settings.get().retention(), script, this);
        live.add(r);
        if (!options.outOfBand()) {
            inConversation = r;
            states.responseStarted();
        }
        r.begin();
    }

    /** Cancels the named response, else the one in the conversation. */
    void cancel(String responseId) {
        ConversationResponse target = null;
        if (responseId == null) {
            target = inConversation;
        } else {
            for (ConversationResponse r : live) {
                if (r.id().equals(responseId)) {
                    target = r;
                }
            }
        }
        if (target == null) {
            throw new RefusedException(new Refusal.NoActiveResponse());
        }
        target.cancel(Reason.CLIENT_CANCELLED);
    }

    /**
     * A playout cut of {@code itemId}: the live response that wrote it sends no more audio and runs
     * {@code truncation} once it is done. False when no live response wrote the item.
     */
    boolean playoutCut(String itemId, Runnable truncation) {
        for (ConversationResponse r : live) {
            if (r.playoutCut(itemId, truncation)) {
                return true;
            }
        }
        return false;
    }

    /** The response a barge-in would cut: the conversation's, or null. */
    ConversationResponse inConversation() {
        return inConversation;
    }

    /** Barge-in: cancels the conversation's response. */
    void interrupt() {
        if (inConversation != null) {
            inConversation.cancel(Reason.TURN_DETECTED);
        }
    }

    void transcriptSettled() {
        for (ConversationResponse r : List.copyOf(live)) {
            r.transcriptSettled();
        }
    }

    /** The session ends: every response stops. */
    void closeAll() {
        open = false;
        for (ConversationResponse r : List.copyOf(live)) {
            r.cancel(Reason.CLIENT_CANCELLED);
        }
    }

    @Override
    public void outputStarted(ConversationResponse r, boolean audio) {
        if (audio) {
            assistantAudioPresent = true;
        }
        if (r == inConversation) {
            states.responseSpeaking();
        }
    }

    @Override
    public void finished(ConversationResponse r) {
        live.remove(r);
        if (inConversation == r) {
            inConversation = null;
            states.responseEnded();
        }
        if (open) {
            engines.current().input().responseFinished(r.playbackLeftMs());
            if (inConversation == null && deferredTurn != null) {
                ConversationItem turn = deferredTurn;
                deferredTurn = null;
                if (conversation.contains(turn.id)) {
                    respondToTurn(turn, deferredAudio);
                }
            }
            turnBoundary.run();
        }
    }

    /** True while a response writes to the conversation, or a finished turn waits to be answered. */
    boolean conversationBusy() {
        return inConversation != null || deferredTurn != null;
    }
}
