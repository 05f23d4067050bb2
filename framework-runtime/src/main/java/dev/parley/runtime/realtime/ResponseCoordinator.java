package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.ResponseTiming;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the session's responses: at most one writing to the default conversation (§3 {@code response.create}),
 * any number out of band. Starts them from {@code response.create} or from a finished voice turn, cancels them
 * on {@code response.cancel} or barge-in, and lets waiting ones proceed when transcripts arrive.
 */
final class ResponseCoordinator {
    private static final Logger log = LoggerFactory.getLogger(ResponseCoordinator.class);

    private final SessionContext ctx;
    private final List<ActiveResponse> live = new ArrayList<>();
    private ActiveResponse inConversation;
    /** A voice turn that ended while a response was running (interrupt_response off): answered right after it. */
    private ConversationItem deferredTurn;
    private CommittedAudio deferredAudio;

    ResponseCoordinator(SessionContext ctx) {
        this.ctx = ctx;
    }

    /** {@code response.create}. */
    void create(ResponseOptions options) {
        if (!ctx.realtime()) {
            throw ProtocolException.invalidValue("type",
                    "Responses are not available in a transcription session (connected with intent=transcription).");
        }
        if (!options.outOfBand() && inConversation != null) {
            throw ProtocolException.invalidRequest("conversation_already_has_active_response", null,
                    "Conversation already has an active response in progress: " + inConversation.id()
                            + ". Wait until the response is finished before creating a new one.");
        }
        List<ConversationItem> context = options.input() != null ? options.input()
                : List.copyOf(ctx.conversation.items());
        if (!options.outOfBand()) {
            deferredTurn = null; // the client's own response covers the conversation so far
        }
        start(options, context, null, new ResponseTiming());
    }

    /** A voice turn ended with {@code create_response}: answer it unless a response is still running. */
    void respondToTurn(ConversationItem userItem, CommittedAudio audio) {
        if (!ctx.realtime()) {
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
        start(ResponseOptions.of(ctx.config), List.copyOf(ctx.conversation.items()), userItem, timing);
    }

    /**
     * False-interruption resume: a new response in the default conversation that says {@code text} (no LLM call),
     * marked {@code metadata.parley_resumed = interruptedId}.
     */
    void resume(String text, String interruptedId) {
        ResponseOptions base = ResponseOptions.of(ctx.config);
        ObjectNode metadata = EventEmitter.MAPPER.createObjectNode().put("parley_resumed", interruptedId);
        ResponseOptions options = new ResponseOptions(true, base.instructions(), base.voice(), base.speed(),
                base.outputFormat(), base.tools(), base.toolChoice(), base.maxOutputTokens(), base.temperature(),
                metadata, false, null);
        start(options, List.of(), null, new ResponseTiming(), text);
    }

    private void start(ResponseOptions options, List<ConversationItem> context, ConversationItem trigger,
                       ResponseTiming timing) {
        start(options, context, trigger, timing, null);
    }

    private void start(ResponseOptions options, List<ConversationItem> context, ConversationItem trigger,
                       ResponseTiming timing, String scriptedText) {
        ActiveResponse r = new ActiveResponse(ctx, options, context, trigger, timing, this::finished);
        if (scriptedText != null) {
            r.speakInstead(scriptedText);
        }
        live.add(r);
        if (!options.outOfBand()) {
            inConversation = r;
        }
        r.begin();
    }

    /** {@code response.cancel}: the named response, else the one in the default conversation. */
    void cancel(String responseId) {
        ActiveResponse target = null;
        if (responseId == null) {
            target = inConversation;
        } else {
            for (ActiveResponse r : live) {
                if (r.id().equals(responseId)) {
                    target = r;
                }
            }
        }
        if (target == null) {
            throw ProtocolException.invalidRequest("response_cancel_not_active", null,
                    "Cancellation failed: no active response found");
        }
        target.cancel("client_cancelled");
    }

    /** Barge-in: cancels the default-conversation response; returns it, or null when none was running. */
    ActiveResponse interrupt() {
        ActiveResponse r = inConversation;
        if (r != null) {
            r.cancel("turn_detected");
        }
        return r;
    }

    boolean hasActiveInConversation() {
        return inConversation != null;
    }

    void transcriptSettled() {
        for (ActiveResponse r : List.copyOf(live)) {
            r.transcriptSettled();
        }
    }

    /** Connection gone: stop everything without emitting. */
    void closeAll() {
        for (ActiveResponse r : List.copyOf(live)) {
            r.cancel("client_cancelled");
        }
    }

    private void finished(ActiveResponse r) {
        live.remove(r);
        if (inConversation == r) {
            inConversation = null;
        }
        if (ctx.phase == SessionContext.Phase.OPEN) {
            ctx.engine.input().responseFinished();
            if (inConversation == null && deferredTurn != null && ctx.conversation.contains(deferredTurn.id)) {
                respondToTurn(deferredTurn, deferredAudio);
            }
            ctx.turnBoundary.run();
        }
    }

    /** True while a response writes to the default conversation, or a finished turn waits to be answered. */
    boolean conversationBusy() {
        return inConversation != null || deferredTurn != null;
    }
}
