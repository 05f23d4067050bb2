package dev.parley.runtime.conversation;

/**
 * Why the core did not carry out a command. Transport-neutral: each transport maps a refusal to its own error
 * code and text. The conversation is unchanged after a refusal.
 */
public sealed interface Refusal {
    /** Responses were asked for in a session that only transcribes. */
    record ResponsesUnavailable() implements Refusal {
    }

    record ResponseAlreadyActive(String activeResponseId) implements Refusal {
    }

    record NoActiveResponse() implements Refusal {
    }

    /** A commit with less than the minimum of audio; {@code appendedMs}: audio appended in the session so far. */
    record CommitTooSmall(long appendedMs) implements Refusal {
    }

    record ItemNotFound(String itemId) implements Refusal {
    }

    record ItemAlreadyExists(String itemId) implements Refusal {
    }

    record PreviousItemNotFound(String previousItemId) implements Refusal {
    }

    /** A function-call output for a call the conversation does not hold. */
    record CallNotFound(String callId) implements Refusal {
    }

    /** Truncation of something other than an assistant audio message. */
    record NotAssistantAudio() implements Refusal {
    }

    record WrongContentIndex(long given, int audioIndex) implements Refusal {
    }

    /** Truncation of an item still being generated. */
    record ItemInProgress(String itemId) implements Refusal {
    }

    /** Truncation beyond the end of the item's audio. */
    record BeyondAudioEnd(long audioMs, long endMs) implements Refusal {
    }

    /** The voice cannot change once assistant audio exists. */
    record VoiceLocked() implements Refusal {
    }

    /** A variant switch asked of a pipeline without variants. */
    record NoVariants() implements Refusal {
    }

    /** The variant does not exist; {@code message} names the known ones. */
    record UnknownVariant(String message) implements Refusal {
    }

    /** A server-side failure at a turn boundary: the variant's engines could not be opened; nothing changed. */
    record VariantSwitchFailed(String variant) implements Refusal {
    }
}
