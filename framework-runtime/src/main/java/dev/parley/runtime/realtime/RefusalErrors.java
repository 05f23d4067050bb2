package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.Refusal;

/** The core's refusals as the protocol's errors: codes, parameters and messages as OpenAI words them. */
final class RefusalErrors {
    static final String VARIANT_PARAM = "session.parley.variant";

    private RefusalErrors() {
    }

    static ProtocolException of(Refusal refusal, SessionIdentity identity) {
        return switch (refusal) {
            case Refusal.ResponsesUnavailable r -> ProtocolException.invalidValue("type",
                    "Responses are not available in a transcription session (connected with intent=transcription).");
            case Refusal.ResponseAlreadyActive r -> ProtocolException.invalidRequest(
                    "conversation_already_has_active_response", null, "Conversation already has an active response "
                            + "in progress: " + r.activeResponseId()
                            + ". Wait until the response is finished before creating a new one.");
            case Refusal.NoActiveResponse r -> ProtocolException.invalidRequest("response_cancel_not_active", null,
                    "Cancellation failed: no active response found");
            case Refusal.CommitTooSmall r -> ProtocolException.invalidRequest("input_audio_buffer_commit_empty", null,
                    "Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, "
                            + "but the buffer holds less (" + r.appendedMs() + "ms appended in this "
                            + "session so far).");
            case Refusal.ItemNotFound r -> ProtocolException.invalidValue("item_id",
                    "Invalid value: '" + r.itemId() + "'. No conversation item with this id exists.");
            case Refusal.ItemAlreadyExists r -> ProtocolException.invalidValue("item.id",
                    "Invalid value: '" + r.itemId() + "'. An item with this id already exists in the conversation.");
            case Refusal.PreviousItemNotFound r -> ProtocolException.invalidValue("previous_item_id",
                    "Invalid value: '" + r.previousItemId()
                            + "'. No conversation item with this id exists (use 'root' to insert first).");
            case Refusal.CallNotFound r -> ProtocolException.invalidValue("item.call_id", "Invalid value: '"
                    + r.callId() + "'. No function_call item with this call_id exists in the conversation.");
            case Refusal.NotAssistantAudio r -> ProtocolException.invalidRequest("unsupported_content_type", null,
                    "Only model output audio messages can be truncated");
            case Refusal.WrongContentIndex r -> ProtocolException.invalidValue("content_index", "Invalid value: "
                    + r.given() + ". The audio is at content_index " + r.audioIndex() + ".");
            case Refusal.ItemInProgress r -> ProtocolException.invalidValue("item_id", "Item '" + r.itemId()
                    + "' is still being generated; cancel the response before truncating it.");
            case Refusal.BeyondAudioEnd r -> ProtocolException.invalidValue("audio_end_ms", "Audio content of "
                    + r.audioMs() + "ms is already shorter than " + r.endMs() + "ms");
            case Refusal.VoiceLocked r -> ProtocolException.invalidRequest("cannot_update_voice", null,
                    "Cannot update a conversation's voice if assistant audio is present.");
            case Refusal.NoVariants r -> ProtocolException.invalidRequest("invalid_variant", VARIANT_PARAM,
                    "Pipeline '" + identity.pipeline()
                            + "' has no variants to switch to; declare variants and a router in its YAML.");
            case Refusal.UnknownVariant r -> ProtocolException.invalidRequest("invalid_variant", VARIANT_PARAM,
                    r.message());
            case Refusal.VariantSwitchFailed r -> new ProtocolException("server_error", "variant_switch_failed",
                    VARIANT_PARAM, "The server could not open variant '" + r.variant() + "'; the session stays on '"
                            + identity.variant() + "'.");
        };
    }

    /** Refusals that come from the session's own work, not from the command being handled. */
    static boolean serverSide(Refusal refusal) {
        return refusal instanceof Refusal.VariantSwitchFailed;
    }
}
