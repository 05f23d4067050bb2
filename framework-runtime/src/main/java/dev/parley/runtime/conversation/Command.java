package dev.parley.runtime.conversation;

/**
 * What a transport asks of the conversation core, already validated against its own wire rules. The core
 * handles one command at a time on the session's actor ({@link ConversationCore#handle}); a command the
 * conversation cannot honour is answered with {@link ConversationEvent.Refused}, and nothing changes.
 */
public sealed interface Command {
    /** Audio in the session's input format, appended to the input buffer. */
    record AppendAudio(byte[] audio) implements Command {
    }

    /** Ends the buffered utterance as a user turn (manual turn taking). */
    record CommitInput() implements Command {
    }

    /** Drops buffered audio and any speech in progress. */
    record ClearInput() implements Command {
    }

    /** Inserts {@code item} after {@code previousItemId} (null: append, {@link Conversation#ROOT}: first). */
    record CreateItem(ConversationItem item, String previousItemId) implements Command {
    }

    record DeleteItem(String itemId) implements Command {
    }

    record RetrieveItem(String itemId) implements Command {
    }

    /** Cuts an assistant audio item at what the user heard. */
    record TruncateItem(String itemId, long contentIndex, long audioEndMs) implements Command {
    }

    /**
     * The server's own playout of an assistant item was cut after {@code playedMs} (a WebRTC barge-in or
     * {@code output_audio_buffer.clear}): the item is truncated to what was heard. Unlike {@link TruncateItem}
     * it is accepted while the item is still being generated: its response then sends no more audio, and the
     * truncation is made once the response is done.
     */
    record TruncateToPlayed(String itemId, long playedMs) implements Command {
    }

    record CreateResponse(ResponseOptions options) implements Command {
    }

    /** Cancels the named response, or the one writing to the conversation when {@code responseId} is null. */
    record CancelResponse(String responseId) implements Command {
    }

    /**
     * New session settings. {@code voiceForced}: the voice may change although assistant audio exists (it applies
     * from the next response). {@code variant}: a pipeline variant to switch to at the next turn boundary, or null.
     */
    record UpdateSettings(ConversationSettings settings, boolean voiceForced, String variant) implements Command {
    }

    /** The session ends: responses stop, the engine closes. */
    record Close() implements Command {
    }
}
