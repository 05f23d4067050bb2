package dev.parley.runtime.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The item-appeared events: GA {@code conversation.item.added} + {@code .done}; beta one {@code .created}. */
final class ConversationEvents {
    private ConversationEvents() {
    }

    static void added(SessionContext ctx, ConversationItem item, String previousItemId) {
        ObjectNode added = ctx.out.event("conversation.item.added");
        added.put("previous_item_id", previousItemId);
        added.set("item", ItemWriter.write(item, ctx.out.dialect(), false));
        ctx.out.send(added);
        if (ctx.out.dialect().hasItemDone()) {
            ObjectNode done = ctx.out.event("conversation.item.done");
            done.put("previous_item_id", previousItemId);
            done.set("item", ItemWriter.write(item, ctx.out.dialect(), false));
            ctx.out.send(done);
        }
    }
}
