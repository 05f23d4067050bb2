package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpeechTextNormalizerTest {
    private final SpeechTextNormalizer n = new SpeechTextNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "**Bold** and *italic* and _under_ and ~~gone~~ | Bold and italic and under and gone",
            "***Both*** here | Both here",
            "## Heading | Heading",
            "Use `mvn verify` now. | Use mvn verify now.",
            "See [the docs](https://example.com/docs) please. | See the docs please.",
            "![a cat](cat.png) | a cat",
            "Visit https://www.example.com/a/b?c=d. | Visit example dot com.",
            "Go to www.parley.dev today | Go to parley dot dev today",
            "Mail bob.smith@example.org now | Mail bob smith at example dot org now",
            "Salt & pepper | Salt and pepper",
            "It rose 50% today | It rose 50 percent today",
            "It costs $5.99 | It costs 5 dollars and 99 cents",
            "Only $1 or £20.00 or €3.01 | Only 1 dollar or 20 pounds or 3 euros and 1 cent",
            "About $2.5 | About 2.5 dollars",
            "Ticket #42 | Ticket number 42",
            "Hello 👋 world 🌍! | Hello world!",
            "Thumbs 👍🏽 up | Thumbs up",
            "Family 👨‍👩‍👧 time | Family time",
            "yes/no | yes or no",
            "a -> b | a to b",
            "my_var_name stays | my var name stays",
            "> quoted text | quoted text",
            "20 °C | 20 degrees C",
    })
    void cleans(String in, String expected) {
        assertEquals(expected, n.normalize(in));
    }

    @Test
    void listsBecomeSentences() {
        String md = "Here are the steps:\n\n1. Open the app\n2. Tap **Settings**\n- Save it\n* Done";
        assertEquals("Here are the steps: Open the app. Tap Settings. Save it. Done", n.normalize(md));
    }

    @Test
    void codeFenceKeepsWordsDropsFence() {
        assertEquals("Run this: echo hi.", n.normalize("Run this:\n```bash\necho hi\n```"));
    }

    @Test
    void tableBecomesPausedList() {
        String md = "| Name | Age |\n|---|---|\n| Ann | 30 |";
        String out = n.normalize(md);
        assertFalse(out.contains("|") || out.contains("-"), out);
        assertEquals("Name, Age. Ann, 30", out);
    }

    @Test
    void nothingSpeakableIsEmpty() {
        assertEquals("", n.normalize("🎉🎉 **"));
        assertEquals("", n.normalize("   "));
        assertEquals("", n.normalize(null));
        assertEquals("", n.normalize("---"));
    }

    @Test
    void plainTextUntouched() {
        String s = "Sure, here it is. It's 3 o'clock, isn't it?";
        assertEquals(s, n.normalize(s));
    }
}
