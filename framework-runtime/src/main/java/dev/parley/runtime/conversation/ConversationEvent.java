package dev.parley.runtime.conversation;

import dev.parley.api.llm.TokenUsage;
import dev.parley.runtime.engine.ResponseTiming;
import java.util.List;

/**
 * What happened in a conversation, in order, on the session's actor: the complete stream a transport renders
 * (everything its wire shows is derivable from it) and metrics, traces or a recorder observe. Every event
 * carries {@code atNanos} ({@link System#nanoTime()} when it was emitted). Items are the conversation's own
 * objects, valid during the callback; an observer that keeps them for later copies what it needs.
 */
public sealed interface ConversationEvent {
    long atNanos();

    // --- the user's side ---

    record SpeechStarted(long atNanos, String itemId, long audioStartMs) implements ConversationEvent {
    }

    record SpeechStopped(long atNanos, String itemId, long audioEndMs) implements ConversationEvent {
    }

    /** No speech for the idle timeout after a response: an (empty) turn is committed. */
    record IdleTimedOut(long atNanos, String itemId, long audioStartMs, long audioEndMs) implements ConversationEvent {
    }

    /** The buffered audio became user item {@code itemId}. */
    record InputCommitted(long atNanos, String itemId, String previousItemId) implements ConversationEvent {
    }

    record InputCleared(long atNanos) implements ConversationEvent {
    }

    record TranscriptDelta(long atNanos, String itemId, String delta) implements ConversationEvent {
    }

    /** The user's words sent as deltas so far are replaced by {@code transcript}; later deltas extend it. */
    record TranscriptRevised(long atNanos, String itemId, String transcript) implements ConversationEvent {
    }

    record TranscriptCompleted(long atNanos, String itemId, String transcript, double audioSeconds)
            implements ConversationEvent {
    }

    record TranscriptFailed(long atNanos, String itemId, String message) implements ConversationEvent {
    }

    // --- the conversation's items ---

    /** A complete item joined the conversation (a client's, or a committed user turn). */
    record ItemAdded(long atNanos, ConversationItem item, String previousItemId) implements ConversationEvent {
    }

    record ItemDeleted(long atNanos, String itemId) implements ConversationEvent {
    }

    record ItemRetrieved(long atNanos, ConversationItem item) implements ConversationEvent {
    }

    record ItemTruncated(long atNanos, String itemId, long contentIndex, long audioEndMs) implements ConversationEvent {
    }

    // --- responses ---

    /**
     * A response as observers see it.
     *
     * @param conversationId the conversation it writes to, or null out of band
     * @param output         its output items so far (a live read-only view)
     * @param timing         its stage clock
     */
    record ResponseRef(String id, String conversationId, ResponseOptions options, List<ConversationItem> output,
                       ResponseTiming timing) {
    }

    record ResponseStarted(long atNanos, ResponseRef response) implements ConversationEvent {
    }

    /** An output item opened; {@code inConversation}: it joined the conversation after {@code previousItemId}. */
    record OutputItemAdded(long atNanos, String responseId, ConversationItem item, int outputIndex,
                           boolean inConversation, String previousItemId) implements ConversationEvent {
    }

    record OutputItemDone(long atNanos, String responseId, ConversationItem item, int outputIndex,
                          boolean inConversation, String previousItemId) implements ConversationEvent {
    }

    /** The message's one content part opened: audio with transcript, or text. */
    record ContentPartAdded(long atNanos, String responseId, String itemId, int outputIndex, boolean audio)
            implements ConversationEvent {
    }

    /** The content part closed with its whole {@code text} (the transcript for audio). */
    record ContentPartDone(long atNanos, String responseId, String itemId, int outputIndex, boolean audio,
                           String text) implements ConversationEvent {
    }

    /** Answer text; {@code transcript}: it is the transcript of the audio being sent. */
    record TextDelta(long atNanos, String responseId, String itemId, int outputIndex, String delta,
                     boolean transcript) implements ConversationEvent {
    }

    /** Speech in the output format; one per delta the response path produces (20–100 ms). */
    record AudioChunk(long atNanos, String responseId, String itemId, int outputIndex, byte[] audio, long durationMs)
            implements ConversationEvent {
    }

    record FunctionCallArgumentsDelta(long atNanos, String responseId, String itemId, int outputIndex, String callId,
                                      String delta) implements ConversationEvent {
    }

    record FunctionCallArgumentsDone(long atNanos, String responseId, String itemId, int outputIndex, String callId,
                                     String name, String arguments) implements ConversationEvent {
    }

    /** The response is over, exactly once; {@code usage} is never null. */
    record ResponseDone(long atNanos, ResponseRef response, ResponseOutcome outcome, TokenUsage usage)
            implements ConversationEvent {
    }

    /** The response's stage clock, right after {@link ResponseDone}. */
    record ResponseTimingReport(long atNanos, ResponseRef response)
            implements ConversationEvent {
    }

    // --- session ---

    /** New settings took effect. */
    record SettingsChanged(long atNanos, ConversationSettings settings) implements ConversationEvent {
    }

    /** The session now runs {@code variant} of {@code pipeline} (switched at a turn boundary). */
    record VariantSwitched(long atNanos, String pipeline, String variant) implements ConversationEvent {
    }

    record UserStateChanged(long atNanos, UserState from, UserState to) implements ConversationEvent {
    }

    record AgentStateChanged(long atNanos, AgentState from, AgentState to) implements ConversationEvent {
    }

    /** A command was not carried out; nothing changed. */
    record Refused(long atNanos, Refusal refusal) implements ConversationEvent {
    }
}
