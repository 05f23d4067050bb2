package dev.parley.plugins.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberWordsTest {
    @Test
    void convertsSpelledNumbers() {
        assertEquals("what is 12 times 7", NumberWords.toDigits("what is twelve times seven"));
        assertEquals("105 plus 21", NumberWords.toDigits("one hundred and five plus twenty-one"));
        assertEquals("3200", NumberWords.toDigits("three thousand two hundred"));
        assertEquals("100 and 5", NumberWords.toDigits("a hundred and 5"));
        assertEquals("1000 cats and dogs", NumberWords.toDigits("1,000 cats and dogs"));
        assertEquals("12 - 7", NumberWords.toDigits("12 - 7"));
    }
}
