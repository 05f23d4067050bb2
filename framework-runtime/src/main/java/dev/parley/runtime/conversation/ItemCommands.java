package dev.parley.runtime.conversation;

import java.util.Arrays;
import java.util.function.Supplier;

/** Item commands: create, retrieve, delete, truncate. Every refusal leaves the conversation unchanged. */
final class ItemCommands {
    private final EventBus bus;
    private final Conversation conversation;
    private final Supplier<ConversationSettings> settings;

    ItemCommands(EventBus bus, Conversation conversation, Supplier<ConversationSettings> settings) {
        this.bus = bus;
        this.conversation = conversation;
        this.settings = settings;
    }

    void create(Command.CreateItem c) {
        ConversationItem item = c.item();
        String previous = c.previousItemId();
        if (conversation.contains(item.id)) {
            throw new RefusedException(new Refusal.ItemAlreadyExists(item.id));
        }
        if (previous != null && !Conversation.ROOT.equals(previous) && !conversation.contains(previous)) {
            throw new RefusedException(new Refusal.PreviousItemNotFound(previous));
        }
        if (item.kind == ConversationItem.Kind.FUNCTION_CALL_OUTPUT && !hasCall(item.callId)) {
            throw new RefusedException(new Refusal.CallNotFound(item.callId));
        }
        String actualPrevious = conversation.insert(item, previous);
        bus.emit(new ConversationEvent.ItemAdded(System.nanoTime(), item, actualPrevious));
    }

    void retrieve(String itemId) {
        bus.emit(new ConversationEvent.ItemRetrieved(System.nanoTime(), existing(itemId)));
    }

    void delete(String itemId) {
        ConversationItem item = existing(itemId);
        conversation.remove(item.id);
        bus.emit(new ConversationEvent.ItemDeleted(System.nanoTime(), item.id));
    }

    /** Cuts assistant audio at what the user heard; the transcript keeps only the heard words. */
    void truncate(Command.TruncateItem c) {
        long endMs = c.audioEndMs();
        ConversationItem item = existing(c.itemId());
        ContentPart part = item.assistantAudio();
        if (!item.isMessage("assistant") || part == null) {
            throw new RefusedException(new Refusal.NotAssistantAudio());
        }
        if (c.contentIndex() != item.content.indexOf(part)) {
            throw new RefusedException(new Refusal.WrongContentIndex(c.contentIndex(), item.content.indexOf(part)));
        }
        if ("in_progress".equals(item.status)) {
            throw new RefusedException(new Refusal.ItemInProgress(item.id));
        }
        if (endMs > part.audioMs) {
            throw new RefusedException(new Refusal.BeyondAudioEnd(part.audioMs, endMs));
        }
        part.transcript = part.heard == null ? part.transcript : part.heard.heardUntil(endMs, part.audioMs);
        if (part.heard != null) {
            part.heard.truncate(endMs, part.audioMs);
        }
        if (part.audio != null && part.audioMs > 0) {
            int frame = settings.get().outputFormat().bytesPerSample();
            int keep = (int) ((long) part.audio.length * endMs / part.audioMs) / frame * frame;
            part.audio = Arrays.copyOf(part.audio, keep);
        }
        part.audioMs = endMs;
        bus.emit(new ConversationEvent.ItemTruncated(System.nanoTime(), item.id, c.contentIndex(), endMs));
    }

    private ConversationItem existing(String itemId) {
        ConversationItem item = conversation.get(itemId);
        if (item == null) {
            throw new RefusedException(new Refusal.ItemNotFound(itemId));
        }
        return item;
    }

    private boolean hasCall(String callId) {
        return conversation.items().stream()
                .anyMatch(i -> i.kind == ConversationItem.Kind.FUNCTION_CALL && callId.equals(i.callId));
    }
}
