package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * {@code conversation.item.create/retrieve/delete/truncate} with the documented checks. Every failure leaves
 * the conversation unchanged.
 */
final class ConversationCommands {
    private final SessionContext ctx;

    ConversationCommands(SessionContext ctx) {
        this.ctx = ctx;
    }

    void create(ObjectNode event) {
        ObjectNode itemJson = Fields.requireObject(event, "item", "");
        String previous = Fields.optString(event, "previous_item_id", "");
        ConversationItem item = ItemReader.read(itemJson, "item", Ids.item());
        if (item.kind == null) {
            throw ProtocolException.invalidValue("item.type",
                    "Invalid value: 'item_reference'. Item references are only allowed in response.create input.");
        }
        if (ctx.conversation.contains(item.id)) {
            throw ProtocolException.invalidValue("item.id",
                    "Invalid value: '" + item.id + "'. An item with this id already exists in the conversation.");
        }
        if (previous != null && !Conversation.ROOT.equals(previous) && !ctx.conversation.contains(previous)) {
            throw ProtocolException.invalidValue("previous_item_id", "Invalid value: '" + previous
                    + "'. No conversation item with this id exists (use 'root' to insert first).");
        }
        if (item.kind == ConversationItem.Kind.FUNCTION_CALL_OUTPUT && !hasCall(item.callId)) {
            throw ProtocolException.invalidValue("item.call_id", "Invalid value: '" + item.callId
                    + "'. No function_call item with this call_id exists in the conversation.");
        }
        String actualPrevious = ctx.conversation.insert(item, previous);
        ConversationEvents.added(ctx, item, actualPrevious);
    }

    void retrieve(ObjectNode event) {
        ConversationItem item = existing(Fields.requireString(event, "item_id", ""));
        ObjectNode e = ctx.out.event("conversation.item.retrieved");
        e.set("item", ItemWriter.write(item, ctx.out.dialect(), true));
        ctx.out.send(e);
    }

    void delete(ObjectNode event) {
        ConversationItem item = existing(Fields.requireString(event, "item_id", ""));
        ctx.conversation.remove(item.id);
        ObjectNode e = ctx.out.event("conversation.item.deleted");
        e.put("item_id", item.id);
        ctx.out.send(e);
    }

    /** Cuts assistant audio at what the user heard; the transcript keeps only the heard words. */
    void truncate(ObjectNode event) {
        String itemId = Fields.requireString(event, "item_id", "");
        long contentIndex = Fields.requireInteger(event, "content_index", "");
        long endMs = Fields.requireInteger(event, "audio_end_ms", "");
        if (endMs < 0) {
            throw ProtocolException.belowMin("audio_end_ms", 0, endMs);
        }
        ConversationItem item = existing(itemId);
        ContentPart part = item.assistantAudio();
        if (!item.isMessage("assistant") || part == null) {
            throw ProtocolException.invalidRequest("unsupported_content_type", null,
                    "Only model output audio messages can be truncated");
        }
        if (contentIndex != item.content.indexOf(part)) {
            throw ProtocolException.invalidValue("content_index", "Invalid value: " + contentIndex
                    + ". The audio is at content_index " + item.content.indexOf(part) + ".");
        }
        if ("in_progress".equals(item.status)) {
            throw ProtocolException.invalidValue("item_id", "Item '" + itemId
                    + "' is still being generated; cancel the response before truncating it.");
        }
        if (endMs > part.audioMs) {
            throw ProtocolException.invalidValue("audio_end_ms", "Audio content of " + part.audioMs
                    + "ms is already shorter than " + endMs + "ms");
        }
        part.transcript = part.heard == null ? part.transcript : part.heard.heardUntil(endMs, part.audioMs);
        if (part.heard != null) {
            part.heard.truncate(endMs, part.audioMs);
        }
        if (part.audio != null && part.audioMs > 0) {
            int frame = ctx.config.outputFormat.bytesPerSample();
            int keep = (int) ((long) part.audio.length * endMs / part.audioMs) / frame * frame;
            part.audio = Arrays.copyOf(part.audio, keep);
        }
        part.audioMs = endMs;
        ObjectNode e = ctx.out.event("conversation.item.truncated");
        e.put("item_id", itemId).put("content_index", contentIndex).put("audio_end_ms", endMs);
        ctx.out.send(e);
    }

    private ConversationItem existing(String itemId) {
        ConversationItem item = ctx.conversation.get(itemId);
        if (item == null) {
            throw ProtocolException.invalidValue("item_id",
                    "Invalid value: '" + itemId + "'. No conversation item with this id exists.");
        }
        return item;
    }

    private boolean hasCall(String callId) {
        return ctx.conversation.items().stream()
                .anyMatch(i -> i.kind == ConversationItem.Kind.FUNCTION_CALL && callId.equals(i.callId));
    }
}
