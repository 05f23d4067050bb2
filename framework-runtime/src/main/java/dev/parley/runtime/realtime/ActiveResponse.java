package dev.parley.runtime.realtime;

import dev.parley.api.llm.FinishReason;
import dev.parley.api.llm.LlmRequest;
import dev.parley.api.llm.TokenUsage;
import dev.parley.api.llm.ToolCall;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.engine.ResponseHandle;
import dev.parley.runtime.engine.ResponseListener;
import dev.parley.runtime.engine.ResponseSpec;
import dev.parley.runtime.engine.ResponseTiming;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One response as a state machine: {@code WAITING_FOR_TRANSCRIPTS} (a voice turn's final transcript is not in
 * yet; bounded wait) → {@code GENERATING} (the engine streams into the {@link ResponseWriter}) → {@code FINISHED}
 * (after exactly one {@code response.done}). Cancellation is allowed from both live states. Engine callbacks
 * arriving after FINISHED are ignored. Runs on the session's actor.
 */
final class ActiveResponse implements ResponseListener {
    private static final Logger log = LoggerFactory.getLogger(ActiveResponse.class);

    enum State { WAITING_FOR_TRANSCRIPTS, GENERATING, FINISHED }

    private final SessionContext ctx;
    private final ResponseOptions options;
    private final ResponseWriter writer;
    private final ResponseTiming timing;
    private final List<ConversationItem> context;
    private final ConversationItem trigger;
    private final Consumer<ActiveResponse> onFinished;
    private State state;
    private ResponseHandle handle;
    private String scriptedText;

    /**
     * @param context the items the model sees (the conversation, or {@code response.input})
     * @param trigger the user item of the voice turn that caused it, or null
     */
    ActiveResponse(SessionContext ctx, ResponseOptions options, List<ConversationItem> context,
                   ConversationItem trigger, ResponseTiming timing, Consumer<ActiveResponse> onFinished) {
        this.ctx = ctx;
        this.options = options;
        this.context = context;
        this.trigger = trigger;
        this.timing = timing;
        this.onFinished = onFinished;
        this.writer = new ResponseWriter(ctx.out, options.outOfBand() ? null : ctx.conversation, Ids.response(),
                options, timing, () -> ctx.assistantAudioPresent = true);
    }

    String id() {
        return writer.responseId();
    }

    State state() {
        return state;
    }

    boolean outOfBand() {
        return options.outOfBand();
    }

    /** Before {@link #begin}: say exactly {@code text} instead of asking the LLM. */
    void speakInstead(String text) {
        this.scriptedText = text;
    }

    boolean audio() {
        return options.audio();
    }

    /**
     * After a barge-in cancelled this response: what it was saying. The sent transcript is the closed assistant
     * message's; the generated text is the engine's (falls back to the sent transcript when it does not track it).
     */
    InterruptedSpeech interruptedSpeech(long utterance, long atNanos) {
        ConversationItem msg = writer.lastMessage();
        String sent = msg == null || msg.content.isEmpty() || msg.content.get(0).transcript == null ? ""
                : msg.content.get(0).transcript;
        String generated = handle == null ? null : handle.generatedText();
        return new InterruptedSpeech(utterance, atNanos, id(), msg == null ? null : msg.id, sent,
                generated == null ? sent : generated);
    }

    /** Sends {@code response.created} and starts generating, or waits for pending transcripts first. */
    void begin() {
        writer.created();
        if (pendingTranscripts()) {
            state = State.WAITING_FOR_TRANSCRIPTS;
            ctx.later(ctx.transcriptWait, () -> {
                if (state == State.WAITING_FOR_TRANSCRIPTS) {
                    log.warn("Response {}: no final transcript after {} ms; answering with what is known",
                            id(), ctx.transcriptWait.toMillis());
                    generate();
                }
            });
        } else {
            generate();
        }
    }

    /** A transcript arrived somewhere in the session: proceed if this response was waiting for it. */
    void transcriptSettled() {
        if (state == State.WAITING_FOR_TRANSCRIPTS && !pendingTranscripts()) {
            generate();
        }
    }

    /** Stops the response: closers, then {@code response.done} cancelled with {@code reason}. */
    void cancel(String reason) {
        if (state == State.FINISHED) {
            return;
        }
        if (handle != null) {
            handle.cancel();
        }
        finish("cancelled", ResponseJson.cancelled(reason), null);
    }

    private boolean pendingTranscripts() {
        return context.stream().anyMatch(i -> i.transcriptPending);
    }

    private void generate() {
        state = State.GENERATING;
        if (trigger != null && trigger.transcriptAtNanos > 0) {
            timing.mark(ResponseTiming.Stage.STT_FINAL, trigger.transcriptAtNanos);
        }
        LlmRequest request = new LlmRequest(options.instructions(), HistoryBuilder.messages(context),
                HistoryBuilder.tools(options.tools()), HistoryBuilder.toolChoice(options.toolChoice()),
                options.temperature(), options.maxOutputTokens());
        ResponseSpec spec = new ResponseSpec(id(), request, options.audio(),
                new VoiceSettings(options.voice(), options.speed(), 0.0), options.outputFormat(), timing, scriptedText);
        try {
            // first mark wins: an engine that hands the request over later keeps this earlier instant
            timing.mark(ResponseTiming.Stage.LLM_REQUEST);
            handle = ctx.engine.responses().start(spec, this);
        } catch (RuntimeException e) {
            log.warn("Response {}: the engine refused to start: {}", id(), e.toString());
            failed("engine_error", "The response could not be started: " + e.getMessage());
        }
    }

    @Override
    public void textDelta(String delta) {
        if (state == State.GENERATING) {
            writer.textDelta(delta);
        }
    }

    @Override
    public void audioDelta(byte[] wireAudio, long durationMs) {
        if (state == State.GENERATING) {
            writer.audioDelta(wireAudio, durationMs);
        }
    }

    @Override
    public void toolCallDelta(int index, String callId, String name, String argumentsDelta) {
        if (state == State.GENERATING) {
            writer.toolCallDelta(index, callId, name, argumentsDelta);
        }
    }

    @Override
    public void toolCall(int index, ToolCall call) {
        if (state == State.GENERATING) {
            writer.toolCall(index, call);
        }
    }

    @Override
    public void completed(FinishReason reason, TokenUsage usage) {
        if (state != State.GENERATING) {
            return;
        }
        switch (reason == null ? FinishReason.STOP : reason) {
            case LENGTH -> finish("incomplete", ResponseJson.incomplete("max_output_tokens"), usage);
            case CONTENT_FILTER -> finish("incomplete", ResponseJson.incomplete("content_filter"), usage);
            default -> finish("completed", null, usage);
        }
    }

    @Override
    public void failed(String code, String message) {
        if (state == State.FINISHED) {
            return;
        }
        log.warn("Response {} failed: {} {}", id(), code, message);
        finish("failed", ResponseJson.failed("server_error", code, message), null);
    }

    private void finish(String status, com.fasterxml.jackson.databind.JsonNode details, TokenUsage usage) {
        state = State.FINISHED;
        writer.finish(status, details, usage);
        TimingReport.send(ctx.out, id(), timing);
        observe(status, details);
        onFinished.accept(this);
    }

    private void observe(String status, com.fasterxml.jackson.databind.JsonNode details) {
        String pipeline = ctx.identity.pipeline();
        String variant = ctx.identity.variant();
        try {
            switch (status) {
                case "completed" -> ctx.observer.turn(pipeline, variant, TimingReport.voiceTtfa(timing, options.audio()));
                case "cancelled" -> {
                    if ("turn_detected".equals(details.path("reason").asText())) {
                        ctx.observer.bargeIn(pipeline, variant);
                    }
                }
                case "failed" -> ctx.observer.error(pipeline, variant, details.at("/error/code").asText());
                default -> { }
            }
        } catch (RuntimeException e) {
            log.warn("Session observer failed: {}", e.toString());
        }
    }
}
