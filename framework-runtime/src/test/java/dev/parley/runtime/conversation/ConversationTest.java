package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ConversationTest {
    private static ConversationItem audioItem(String id, int bytes) {
        ConversationItem i = ConversationItem.message(id, "user");
        ContentPart p = new ContentPart("input_audio");
        p.audio = new byte[bytes];
        p.transcript = "said " + id;
        i.content.add(p);
        return i;
    }

    @Test
    void insertHonoursPreviousItemIdAndRoot() {
        Conversation c = new Conversation("conv_1");
        assertNull(c.append(audioItem("a", 1)));
        assertEquals("a", c.append(audioItem("b", 1)));
        assertNull(c.insert(audioItem("first", 1), Conversation.ROOT));
        assertEquals("a", c.insert(audioItem("a2", 1), "a"));
        assertEquals(java.util.List.of("first", "a", "a2", "b"), c.items().stream().map(i -> i.id).toList());
        assertEquals("a2", c.previousOf("b"));
        c.remove("a2");
        assertEquals("a", c.previousOf("b"));
    }

    @Test
    void oldestAudioIsDroppedBeyondTheBudgetButTranscriptsStay() {
        Conversation c = new Conversation("conv_1", 3000);
        int third = 1001;
        for (String id : new String[] {"a", "b", "c", "d"}) {
            c.append(audioItem(id, third));
            c.limitAudio();
        }
        assertNull(c.get("a").content.get(0).audio);
        assertNull(c.get("b").content.get(0).audio);
        assertNotNull(c.get("c").content.get(0).audio);
        assertNotNull(c.get("d").content.get(0).audio);
        assertEquals("said a", c.get("a").content.get(0).transcript);
    }

    @Test
    void aZeroBudgetKeepsNoAudioAndTheDefaultKeepsEightMebibytes() {
        Conversation none = new Conversation("conv_1", 0);
        none.append(audioItem("a", 10));
        none.limitAudio();
        assertNull(none.get("a").content.get(0).audio);
        assertNotNull(none.get("a").content.get(0).transcript);

        Conversation byDefault = new Conversation("conv_2");
        byDefault.append(audioItem("old", 1));
        byDefault.append(audioItem("new", 8 * 1024 * 1024));
        byDefault.limitAudio();
        assertNull(byDefault.get("old").content.get(0).audio);
        assertNotNull(byDefault.get("new").content.get(0).audio);
    }

    @Test
    void beyondMaxItemsTheEldestInsertedAreEvictedButNeverTheNewItemNorTheOneItFollows() {
        java.util.List<String> evicted = new java.util.ArrayList<>();
        Conversation c = new Conversation("conv_1", 1 << 20, 3, evicted::add);
        c.append(audioItem("a", 1));
        c.append(audioItem("b", 1));
        c.append(audioItem("c", 1));
        assertEquals(java.util.List.of(), evicted);

        c.append(audioItem("d", 1)); // a is the eldest-inserted
        assertEquals(java.util.List.of("a"), evicted);
        assertEquals(java.util.List.of("b", "c", "d"), c.items().stream().map(i -> i.id).toList());
        assertNull(c.get("a"));

        // inserted after b, the eldest: b stays (the new item follows it), c goes instead
        assertEquals("b", c.insert(audioItem("b2", 1), "b"));
        assertEquals(java.util.List.of("a", "c"), evicted);
        assertEquals(java.util.List.of("b", "b2", "d"), c.items().stream().map(i -> i.id).toList());

        // inserted first: the order in the conversation is not the eviction order; b is still the eldest
        assertNull(c.insert(audioItem("first", 1), Conversation.ROOT));
        assertEquals(java.util.List.of("a", "c", "b"), evicted);
        assertEquals(java.util.List.of("first", "b2", "d"), c.items().stream().map(i -> i.id).toList());
        assertEquals("first", c.previousOf("b2"));
    }

    @Test
    void aConversationKeepsTwoItemsOrMore() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Conversation("conv_1", 0, 1, id -> { }));
    }
}
