package dev.parley.runtime.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The unheard rest of an interrupted answer (moved from FalseInterruptionConfigTest with the class). */
class InterruptedSpeechTest {
    @Test
    void unheardIsTheGeneratedTextAfterTheHeardWords() {
        Conversation conv = new Conversation("conv_1");
        InterruptedSpeech cut = new InterruptedSpeech(1, 0, "resp_1", null, "One two. ", "One two. Three, four.", null);
        assertEquals("Three, four.", cut.unheard(conv));
        assertEquals("resp_1", cut.resumedId());
        assertEquals("One two. Three, four.", new InterruptedSpeech(1, 0, "resp_1", null, "", "One two. Three, four.", null)
                .unheard(conv));
        assertEquals("", new InterruptedSpeech(1, 0, "r", null, "a b c", "a b c", null).unheard(conv));
    }
}
