package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.conversation.Command;
import dev.parley.runtime.conversation.ConversationItem;
import dev.parley.runtime.conversation.Ids;

/** The item events' bodies, validated, as core commands (the checks against the conversation are the core's). */
final class ClientCommands {
    private ClientCommands() {
    }

    /** {@code conversation.item.create}. */
    static Command.CreateItem createItem(ObjectNode event) {
        ObjectNode itemJson = Fields.requireObject(event, "item", "");
        String previous = Fields.optString(event, "previous_item_id", "");
        ConversationItem item = ItemReader.read(itemJson, "item", Ids.item());
        if (item.kind == null) {
            throw ProtocolException.invalidValue("item.type",
                    "Invalid value: 'item_reference'. Item references are only allowed in response.create input.");
        }
        return new Command.CreateItem(item, previous);
    }

    /** {@code conversation.item.truncate}. */
    static Command.TruncateItem truncateItem(ObjectNode event) {
        String itemId = Fields.requireString(event, "item_id", "");
        long contentIndex = Fields.requireInteger(event, "content_index", "");
        long endMs = Fields.requireInteger(event, "audio_end_ms", "");
        if (endMs < 0) {
            throw ProtocolException.belowMin("audio_end_ms", 0, endMs);
        }
        return new Command.TruncateItem(itemId, contentIndex, endMs);
    }
}
