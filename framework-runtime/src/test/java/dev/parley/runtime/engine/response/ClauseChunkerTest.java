package dev.parley.runtime.engine.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseChunkerTest {

    static List<String> chunkTokenByToken(String text) {
        ClauseChunker c = new ClauseChunker();
        List<String> out = new ArrayList<>();
        for (String token : text.split("(?<=[ ,.])|(?=[ ,.])")) { // tiny tokens, punctuation on its own
            out.addAll(c.push(token));
        }
        String rest = c.flush();
        if (rest != null) {
            out.add(rest);
        }
        return out;
    }

    @Test
    void firstClauseEndsAtTheFirstClauseBreak() {
        List<String> clauses = chunkTokenByToken("Sure thing, I can help with that. The weather today is sunny.");
        assertEquals("Sure thing,", clauses.get(0));
        assertEquals(" I can help with that.", clauses.get(1));
        assertEquals(" The weather today is sunny.", clauses.get(2));
    }

    @Test
    void firstClauseIsCutAfterAFewWordsWithoutPunctuation() {
        List<String> clauses = chunkTokenByToken("well I think that the answer you are looking for is forty two");
        assertEquals("well I think that the answer", clauses.get(0));
        assertEquals(2, clauses.size(), "later text waits for a sentence end or the flush: " + clauses);
    }

    @Test
    void aOneWordSentenceIsAFirstClause() {
        assertEquals("Yes.", chunkTokenByToken("Yes. It is.").get(0));
    }

    @Test
    void aMinimumWordCountForTheFirstClauseCanBeSet() {
        ClauseChunker c = new ClauseChunker(2, 6, 60, 240);
        assertEquals(List.of("Okay, so red,"), c.push("Okay, so red, green"));
    }

    @Test
    void laterCommasOnlyCutLongClauses() {
        List<String> clauses = chunkTokenByToken("Okay, so red, green, and blue are primary colours of light, "
                + "while cyan, magenta and yellow are the primary colours of pigment used in printing today.");
        assertEquals("Okay,", clauses.get(0));
        for (String c : clauses.subList(1, clauses.size())) {
            assertTrue(c.length() >= 20, "later clause too short: '" + c + "' in " + clauses);
        }
    }

    @Test
    void neverSplitsWordsOrDecimals() {
        ClauseChunker c = new ClauseChunker();
        assertEquals(List.of(), c.push("Pi is 3."));
        assertEquals(List.of(), c.push("14159"));
        List<String> out = new ArrayList<>(c.push(" roughly. Next"));
        assertEquals(List.of("Pi is 3.14159 roughly."), out);
        assertEquals(" Next", c.flush());
        assertNull(c.flush());
    }

    @Test
    void punctuationIsOnlyABoundaryOnceTheNextCharacterIsKnown() {
        ClauseChunker c = new ClauseChunker();
        assertEquals(List.of(), c.push("Hello there."), "could still be '...' or a decimal");
        assertEquals(List.of("Hello there."), c.push(" "));
    }

    @Test
    void longRunOnTextIsCutAtWordBoundaries() {
        ClauseChunker c = new ClauseChunker(2, 6, 60, 80);
        List<String> out = new ArrayList<>(c.push("Right. "));
        String words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt "
                + "ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud ";
        for (String w : words.split("(?<= )")) {
            out.addAll(c.push(w));
        }
        assertTrue(out.size() >= 2, out.toString());
        for (String clause : out) {
            assertTrue(clause.length() <= 81, clause);
            assertTrue(words.contains(clause.strip()) || clause.equals("Right."), "split inside a word: " + clause);
        }
    }

    @Test
    void clausesConcatenateToTheInputExactly() {
        String text = "Hmm, let me think.  Paris is the capital of France; it has about two million people!\n"
                + "Anything else?";
        assertEquals(text, String.join("", chunkTokenByToken(text)));
    }
}
