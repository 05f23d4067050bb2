package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default conversation of a session: items in order, addressable by id. Insertion honours
 * {@code previous_item_id} (absent → append, {@code "root"} → first). It holds at most {@code maxItems} items:
 * an insert beyond that evicts the eldest-inserted ones (never the new item, nor the item it follows) and tells
 * the eviction listener, which the core turns into an item-deleted event. Without the cap a 30-minute,
 * 200-session soak grew the live heap ~18 MB/min (~850 B per item, audio already dropped).
 */
public final class Conversation {
    public static final String ROOT = "root";
    private final String id;
    /**
     * Audio kept for {@code conversation.item.retrieve}. Older items lose their audio bytes first; their
     * transcripts and lengths stay, so history and truncation still work.
     */
    private final long audioBudgetBytes;
    private final List<ConversationItem> items = new ArrayList<>();
    /** Insertion order, which is eviction order (not the conversation's order: an item may go before root). */
    private final Map<String, ConversationItem> byId = new LinkedHashMap<>();
    private final int maxItems;
    private final Consumer<String> evicted;

    /** 8 MiB: the last ~2 min 55 s of 24 kHz PCM16 audio, user and assistant together. */
    public static final long DEFAULT_AUDIO_BUDGET_BYTES = 8L * 1024 * 1024;
    /** 2,000 items: about 1.7 MB of items without audio (~850 B each), over an hour of brisk turns. */
    public static final int DEFAULT_MAX_ITEMS = 2_000;

    /** With the default audio budget ({@link #DEFAULT_AUDIO_BUDGET_BYTES}). */
    public Conversation(String id) {
        this(id, DEFAULT_AUDIO_BUDGET_BYTES);
    }

    public Conversation(String id, long audioBudgetBytes) {
        this(id, audioBudgetBytes, DEFAULT_MAX_ITEMS, evictedId -> { });
    }

    /**
     * @param maxItems items kept, 2 or more (the new item and the one it follows always stay)
     * @param evicted  told the id of each item evicted by the cap, after it is gone
     */
    public Conversation(String id, long audioBudgetBytes, int maxItems, Consumer<String> evicted) {
        if (maxItems < 2) {
            throw new IllegalArgumentException("a conversation keeps 2 or more items, got " + maxItems);
        }
        this.id = id;
        this.audioBudgetBytes = audioBudgetBytes;
        this.maxItems = maxItems;
        this.evicted = evicted;
    }

    public String id() {
        return id;
    }

    public boolean contains(String itemId) {
        return byId.containsKey(itemId);
    }

    public ConversationItem get(String itemId) {
        return byId.get(itemId);
    }

    /**
     * Inserts {@code item} after {@code previousItemId}.
     *
     * @return the id of the item now before it, or null when it is first
     * @throws IllegalArgumentException when {@code previousItemId} is unknown (callers check first)
     */
    public String insert(ConversationItem item, String previousItemId) {
        int at;
        if (previousItemId == null) {
            at = items.size();
        } else if (ROOT.equals(previousItemId)) {
            at = 0;
        } else {
            ConversationItem prev = byId.get(previousItemId);
            if (prev == null) {
                throw new IllegalArgumentException("unknown item " + previousItemId);
            }
            at = items.indexOf(prev) + 1;
        }
        items.add(at, item);
        byId.put(item.id, item);
        String previous = at == 0 ? null : items.get(at - 1).id;
        evictBeyondCap(item.id, previous);
        return previous;
    }

    private void evictBeyondCap(String newId, String previousId) {
        Iterator<ConversationItem> eldest = byId.values().iterator();
        while (byId.size() > maxItems && eldest.hasNext()) {
            ConversationItem old = eldest.next();
            if (old.id.equals(newId) || old.id.equals(previousId)) {
                continue;
            }
            eldest.remove();
            items.remove(old);
            evicted.accept(old.id);
        }
    }

    /** Appends; returns the previous item's id or null. */
    public String append(ConversationItem item) {
        return insert(item, null);
    }

    /** The id of the item before {@code itemId}, or null. */
    public String previousOf(String itemId) {
        ConversationItem item = byId.get(itemId);
        int at = items.indexOf(item);
        return at <= 0 ? null : items.get(at - 1).id;
    }

    public boolean remove(String itemId) {
        ConversationItem item = byId.remove(itemId);
        return item != null && items.remove(item);
    }

    /** Drops the audio bytes of the oldest items until at most the audio budget remains. */
    public void limitAudio() {
        long kept = 0;
        for (int i = items.size() - 1; i >= 0; i--) {
            for (ContentPart p : items.get(i).content) {
                if (p.audio == null) {
                    continue;
                }
                if (kept + p.audio.length > audioBudgetBytes) {
                    p.audio = null;
                } else {
                    kept += p.audio.length;
                }
            }
        }
    }

    public List<ConversationItem> items() {
        return Collections.unmodifiableList(items);
    }
}
