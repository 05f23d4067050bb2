package dev.parley.runtime.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default conversation of a session: items in order, addressable by id. Insertion honours
 * {@code previous_item_id} (absent → append, {@code "root"} → first).
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
    private final Map<String, ConversationItem> byId = new HashMap<>();

    /** 8 MiB: the last ~2 min 55 s of 24 kHz PCM16 audio, user and assistant together. */
    public static final long DEFAULT_AUDIO_BUDGET_BYTES = 8L * 1024 * 1024;

    /** With the default audio budget ({@link #DEFAULT_AUDIO_BUDGET_BYTES}). */
    public Conversation(String id) {
        this(id, DEFAULT_AUDIO_BUDGET_BYTES);
    }

    public Conversation(String id, long audioBudgetBytes) {
        this.id = id;
        this.audioBudgetBytes = audioBudgetBytes;
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
        return at == 0 ? null : items.get(at - 1).id;
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
