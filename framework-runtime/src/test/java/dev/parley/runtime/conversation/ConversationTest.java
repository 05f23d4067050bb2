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
}
