package dev.parley.runtime.conversation;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.conversation.ResponseOutcome.Reason;
import dev.parley.runtime.engine.HeldGeneration;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One response and the single owner of its lifecycle: {@code WAITING_FOR_TRANSCRIPTS} (a voice turn's final
 * transcript is not in yet; bounded wait) → {@code GENERATING} (the engine streams into its
 * {@link ResponseItems}) → {@code FINISHED} (after exactly one {@link ConversationEvent.ResponseDone}).
 * Cancellation is allowed from both live states; engine callbacks arriving after FINISHED are ignored.
 * Runs on the session's actor.
 */
final class ConversationResponse implements ResponseListener {
    private static final Logger log = LoggerFactory.getLogger(ConversationResponse.class);

    enum State { WAITING_FOR_TRANSCRIPTS, GENERATING, FINISHED }

    /** What the response tells the one who started it. */
    interface Owner {
        /** Its first text or audio went out; {@code audio}: it was audio. */
        void outputStarted(ConversationResponse response, boolean audio);

        void finished(ConversationResponse response);
    }

    /** Where a response's words come from when the LLM is not asked (a false-interruption resume). */
    record Script(String text, HeldGeneration held, int fromChar) {
    }

    private final EventBus bus;
    private final Engines engines;
    private final ActorTimers timers;
    private final Duration transcriptWait;
    private final ResponseOptions options;
    private final ResponseItems items;
    private final ResponseTiming timing;
    private final List<ConversationItem> context;
    private final ConversationItem trigger;
    private final HistoryRetention retention;
    private final Script script;
    private final Owner owner;
    private State state;
    private ResponseHandle handle;
    private boolean outputSeen;
    private final Playback playback = new Playback();
    private ResponseOutcome.Status endStatus;

    /**
     * @param conversation the conversation it writes to, or null out of band
     * @param context      the items the model sees (the conversation, or the request's own input)
     * @param trigger      the user item of the voice turn that caused it, or null
     * @param script       null: ask the LLM
     */
    ConversationResponse(EventBus bus, Engines engines, ActorTimers timers, Duration transcriptWait,
                         Conversation conversation, ResponseOptions options, List<ConversationItem> context,
                         ConversationItem trigger, ResponseTiming timing, HistoryRetention retention, Script script,
                         Owner owner) {
        this.bus = bus;
        this.engines = engines;
        this.timers = timers;
        this.transcriptWait = transcriptWait;
        this.options = options;
        this.context = context;
        this.trigger = trigger;
        this.timing = timing;
        this.retention = retention;
        this.script = script;
        this.owner = owner;
        this.items = new ResponseItems(bus, options.outOfBand() ? null : conversation, Ids.response(), options,
                timing);
    }

    String id() {
        return items.ref().id();
    }

    State state() {
        return state;
    }

    boolean outOfBand() {
        return options.outOfBand();
    }

    boolean audio() {
        return options.audio();
    }

    /** Announces the response and starts generating, or waits for pending transcripts first. */
    void begin() {
        bus.emit(new ConversationEvent.ResponseStarted(System.nanoTime(), items.ref()));
        if (pendingTranscripts()) {
            state = State.WAITING_FOR_TRANSCRIPTS;
            timers.later(transcriptWait, () -> {
                if (state == State.WAITING_FOR_TRANSCRIPTS) {
                    warn("Response {}: no final transcript after {} ms; answering with what is known",
                            id(), transcriptWait.toMillis());
                    generate();
                }
            });
        } else {
            generate();
        }
    }

    /** A playout cut of {@code itemId} (see {@link Command.TruncateToPlayed}); false when over or not its item. */
    boolean playoutCut(String itemId, Runnable truncation) {
        return state != State.FINISHED && items.playoutCut(itemId, truncation);
    }

    /** A transcript arrived somewhere in the session: proceed if this response was waiting for it. */
    void transcriptSettled() {
        if (state == State.WAITING_FOR_TRANSCRIPTS && !pendingTranscripts()) {
            generate();
        }
    }

    /** Stops the response: its engine streams, then the closing events, cancelled for {@code reason}. */
    void cancel(Reason reason) {
        if (state == State.FINISHED) {
            return;
        }
        if (handle != null) {
            handle.cancel();
        }
        finish(ResponseOutcome.cancelled(reason), null);
    }

    /**
     * Barge-in while a false interruption is possible: ends the response for the client exactly as
     * {@link #cancel} does, but keeps its text generation and returns what was cut, or null when it was over.
     */
    InterruptedSpeech interruptHolding(long utterance, long atNanos) {
        if (state == State.FINISHED) {
            return null;
        }
        HeldGeneration held = handle == null ? null : handle.hold();
        finish(ResponseOutcome.cancelled(Reason.TURN_DETECTED), null);
        return interruptedSpeech(utterance, atNanos, held); // after the closers: the message holds its transcript
    }

    /** What it was saying at the cut: the sent transcript, and the generated text (the sent one when unknown). */
    private InterruptedSpeech interruptedSpeech(long utterance, long atNanos, HeldGeneration held) {
        ConversationItem msg = items.lastMessage();
        String sent = msg == null || msg.content.isEmpty() || msg.content.get(0).transcript == null ? ""
                : msg.content.get(0).transcript;
        String generated = held != null ? held.generatedText() : handle == null ? null : handle.generatedText();
        return new InterruptedSpeech(utterance, atNanos, id(), msg == null ? null : msg.id, sent,
                generated == null ? sent : generated, held);
    }

    private boolean pendingTranscripts() {
        return context.stream().anyMatch(i -> i.transcriptPending);
    }

    private void generate() {
        state = State.GENERATING;
        if (trigger != null && trigger.transcriptAtNanos > 0) {
            timing.mark(ResponseTiming.Stage.STT_FINAL, trigger.transcriptAtNanos);
        }
        LlmRequest request = new LlmRequest(options.instructions(), History.messages(context, retention),
                options.tools(), options.toolChoice(), options.temperature(), options.maxOutputTokens());
        VoiceSettings voice = new VoiceSettings(options.voice(), options.speed(), 0.0);
        ResponseSpec spec = script == null
                ? new ResponseSpec(id(), request, options.audio(), voice, options.outputFormat(), timing, null)
                : new ResponseSpec(id(), request, options.audio(), voice, options.outputFormat(), timing,
                        script.text(), script.held(), script.fromChar());
        try {
            // first mark wins: an engine that hands the request over later keeps this earlier instant
            timing.mark(ResponseTiming.Stage.LLM_REQUEST);
            handle = engines.current().responses().start(spec, this);
        } catch (RuntimeException e) {
            warn("Response {}: the engine refused to start: {}", id(), e.toString());
            failed("engine_error", "The response could not be started: " + e.getMessage());
        }
    }

    @Override
    public void textDelta(String delta) {
        if (state == State.GENERATING) {
            items.textDelta(delta);
            outputStarted(false);
        }
    }

    @Override
    public void audioDelta(byte[] wireAudio, long durationMs) {
        if (state != State.GENERATING) {
            return;
        }
        boolean first = items.audioDelta(wireAudio, durationMs);
        if (items.audioOut()) {
            playback.delta(durationMs, System.nanoTime());
        }
        if (first) {
            outputStarted(true);
        }
    }

    private void outputStarted(boolean audio) {
        if (!outputSeen || audio) {
            outputSeen = true;
            owner.outputStarted(this, audio);
        }
    }

    @Override
    public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        if (state == State.GENERATING) {
            items.toolCallDelta(index, callId, name, argumentsDelta);
        }
    }

    @Override
    public void toolCall(int index, ToolCall call) {
        if (state == State.GENERATING) {
            items.toolCall(index, call);
        }
    }

    @Override
    public void completed(FinishReason reason, TokenUsage usage) {
        if (state != State.GENERATING) {
            return;
        }
        switch (reason == null ? FinishReason.STOP : reason) {
            case LENGTH -> finish(ResponseOutcome.incomplete(Reason.MAX_OUTPUT_TOKENS), usage);
            case CONTENT_FILTER -> finish(ResponseOutcome.incomplete(Reason.CONTENT_FILTER), usage);
            default -> finish(ResponseOutcome.COMPLETED, usage);
        }
    }

    @Override
    public void modelStalled(TokenUsage usage) {
        if (state == State.GENERATING) {
            warn("Response {}: the language model stalled; ending it incomplete with what was said", id());
            finish(ResponseOutcome.incomplete(Reason.LLM_STALLED), usage);
        }
    }

    @Override
    public void failed(String code, String message) {
        if (state == State.FINISHED) {
            return;
        }
        warn("Response {} failed: {} {}", id(), code, message);
        finish(ResponseOutcome.failed(code, message), null);
    }

    /**
     * Audio the client has still to play, in ms: what the idle timer waits out before counting. A cancelled
     * response's audio is cut (the client clears its buffer), so nothing is left of it.
     */
    long playbackLeftMs() {
        return endStatus == ResponseOutcome.Status.CANCELLED ? 0 : playback.leftMs(System.nanoTime());
    }

    private void finish(ResponseOutcome outcome, TokenUsage usage) {
        state = State.FINISHED;
        endStatus = outcome.status();
        items.close(outcome.status() == ResponseOutcome.Status.COMPLETED);
        timing.mark(ResponseTiming.Stage.DONE);
        bus.emit(new ConversationEvent.ResponseDone(System.nanoTime(), items.ref(), outcome,
                ResponseItems.usageOrUnknown(usage)));
        items.responseDone();
        bus.emit(new ConversationEvent.ResponseTimingReport(System.nanoTime(), items.ref()));
        owner.finished(this);
    }

    /** A warning about this response, with its id in the logging MDC ({@code response_id}, in JSON logs). */
    private void warn(String format, Object... args) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(dev.parley.runtime.engine.LogKeys.RESPONSE_ID, id())) {
            log.warn(format, args);
        }
    }
}
